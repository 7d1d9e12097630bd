package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LogBufferTest {
    static LogEntry entry(String msg) {
        return new LogEntry(Instant.EPOCH, Level.INFO, "", msg, Map.of(), LogEntry.Kind.LINE, false, null);
    }

    @Test
    void keepsTheNewestAndCountsDropped() {
        LogBuffer b = new LogBuffer(100);
        for (int i = 0; i < 1050; i++) b.append(entry("m" + i));
        LogSnapshot s = b.snapshot();
        assertEquals(100, s.size());
        assertEquals(950, s.dropped());
        assertEquals(950, b.dropped());
        assertEquals(1050, b.appended());
        assertEquals("m950", s.get(950).entry().message());
        assertEquals("m1049", s.get(1049).entry().message());
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(949));
    }

    @Test
    void snapshotsAreImmutableWhileTheBufferMovesOn() {
        LogBuffer b = new LogBuffer(20);
        for (int i = 0; i < 30; i++) b.append(entry("a" + i));
        LogSnapshot old = b.snapshot();
        for (int i = 0; i < 500; i++) b.append(entry("b" + i));
        assertEquals("a10", old.get(10).entry().message());
        assertEquals("a29", old.get(29).entry().message());
        assertEquals(20, old.size());
    }

    @Test
    void displayTextIsSanitisedAndCarriesFields() {
        LogBuffer b = new LogBuffer(10);
        b.append(new LogEntry(Instant.EPOCH, Level.WARN, "c", "red \u001b[31m\nnext", Map.of("err", "a \"b\""),
                LogEntry.Kind.LINE, false, null));
        assertEquals("red ␛[31m⏎next err=\"a \\\"b\\\"\"", b.snapshot().get(0).text());
    }

    /** The ring holds exactly the last capacity entries in order, whatever the batch sizes. */
    @Property(tries = 200)
    void ringMatchesAList(@ForAll @IntRange(min = 1, max = 3000) int capacity,
                          @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 700) Integer> batches) {
        LogBuffer b = new LogBuffer(capacity);
        List<String> all = new ArrayList<>();
        for (int n : batches) {
            List<LogEntry> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String m = "e" + all.size();
                all.add(m);
                batch.add(entry(m));
            }
            b.append(batch);
        }
        LogSnapshot s = b.snapshot();
        int expect = Math.min(capacity, all.size());
        assertEquals(expect, s.size());
        assertEquals(all.size() - expect, s.dropped());
        for (long q = s.start(); q < s.end(); q++) assertEquals(all.get((int) q), s.get(q).entry().message());
    }
}
