package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ManagedBlockTest {
    static final String USER = "logging {\n  level = \"warn\"\n}\n";

    @Test
    void putThenRemoveGivesTheOriginalBack() {
        String on = ManagedBlock.put(USER, "prometheus.exporter.self \"alloytop_selfmon\" { }\n").orNull();
        assertTrue(on.startsWith(USER + "\n" + ManagedBlock.BEGIN + "\n"), on);
        assertTrue(on.endsWith(ManagedBlock.END + "\n"));
        assertEquals(USER, ManagedBlock.remove(on).orNull());
    }

    @Test
    void putReplacesAnExistingBlockInPlace() {
        String on = ManagedBlock.put(USER + "// after\n", "a \"b\" { }\n").orNull();
        // user text after the block stays after it
        String moved = on.replace("// after\n", "") + "// tail\n";
        String again = ManagedBlock.put(moved, "c \"d\" { }\n").orNull();
        assertTrue(again.contains("c \"d\" { }") && !again.contains("a \"b\""), again);
        assertTrue(again.endsWith(ManagedBlock.END + "\n// tail\n"), again);
        assertEquals("c \"d\" { }\n", ManagedBlock.inside(again));
    }

    @Test
    void damagedMarkersAreRefused() {
        assertFalse(ManagedBlock.find(USER + ManagedBlock.BEGIN + "\nx \"y\" {}\n").isOk());
        String twice = ManagedBlock.wrap("a \"b\" { }\n") + ManagedBlock.wrap("a \"c\" { }\n");
        assertFalse(ManagedBlock.find(twice).isOk());
        assertNull(ManagedBlock.find(USER).orNull());
    }

    @Test
    void outsideKeepsLineNumbers() {
        String on = ManagedBlock.put(USER, "x \"y\" { }\n").orNull() + "z \"w\" { }\n";
        String out = ManagedBlock.outside(on);
        assertEquals(on.length(), out.length());
        assertEquals(on.split("\n", -1).length, out.split("\n", -1).length);
        assertFalse(out.contains("x \"y\""));
        assertTrue(out.contains("z \"w\""));
    }

    @Property(tries = 200)
    void roundTripForAnyUserTextEndingInNewline(@ForAll @StringLength(max = 200) String user) {
        String text = user.replace(ManagedBlock.BEGIN, "").replace(ManagedBlock.END, "") + "\n";
        String on = ManagedBlock.put(text, "a \"b\" { }\n").orNull();
        assertEquals(text, ManagedBlock.remove(on).orNull());
    }
}
