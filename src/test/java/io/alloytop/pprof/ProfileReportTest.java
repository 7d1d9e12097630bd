package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileReportTest {
    @Test
    void unitsReadLikePprofs() {
        assertEquals("270ms", Units.format(270_000_000, "nanoseconds"));
        assertEquals("3.03s", Units.format(3_030_000_000L, "nanoseconds"));
        assertEquals("2.16MB", Units.format(2_261_320, "bytes"));
        assertEquals("1MB", Units.format(1_049_800, "bytes"));
        assertEquals("512B", Units.format(512, "bytes"));
        assertEquals("-1.50kB", Units.format(-1536, "bytes"));
        assertEquals("0", Units.format(0, "bytes"));
        assertEquals("24", Units.format(24, "count"));
        assertEquals("100%", Units.percent(99.96));
        assertEquals("29.90%", Units.percent(29.8981));
    }

    @Test
    void functionNamesCannotDriveTheTerminal() throws Exception {
        TestProfile p = new TestProfile().sampleType("samples", "count");
        p.sample(new long[] {1}, p.location(p.function("evil\u001b[2J\u202eName")));
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(p.gzip()), true);
        String text = ProfileReport.text(d.summary(0), 20, d.stacks(0), 5);
        assertFalse(text.contains("\u001b") || text.contains("\u202e"), text);
        assertTrue(text.contains("evil\u241b[2J"), text);
        // JSON keeps the exact name; Jackson escapes control characters itself
        String json = ProfileReport.json(d.summary(0), 20, null, 0, Map.of());
        assertTrue(json.contains("evil\\u001B[2J"), json);
    }

    @Test
    void diffTextListsGrowersLargestFirst() {
        List<ProfileDiff.Row> rows = List.of(new ProfileDiff.Row("a", 0, 2048, 0, 4096), new ProfileDiff.Row("b", 10, 20, 10, 20));
        String text = ProfileReport.diffText(rows, new ValueType("inuse_space", "bytes"), 10, 100, 2168);
        assertTrue(text.contains("Total: 100B -> 2.12kB (+2.02kB)"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+\\+2kB\\s+\\+4kB\\s+0\\s+2kB  a")), text);
    }
}
