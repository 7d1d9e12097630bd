package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogViewTest {
    static LogEntry e(Level level, String component, String msg) {
        return new LogEntry(Instant.EPOCH, level, component, msg, Map.of(), LogEntry.Kind.LINE, false, null);
    }

    static List<String> messages(LogView v) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.rowCount(); i++) out.add(v.row(i).entry().message());
        return out;
    }

    @Test
    void followsNewLinesIncrementally() {
        LogBuffer b = new LogBuffer(5);
        b.append(List.of(e(Level.INFO, "a", "1"), e(Level.INFO, "a", "2")));
        LogView v = LogView.of(b.snapshot());
        assertEquals(List.of("1", "2"), messages(v));
        for (int i = 3; i <= 8; i++) b.append(e(Level.INFO, "a", "" + i));
        v = v.update(b.snapshot());
        assertEquals(List.of("4", "5", "6", "7", "8"), messages(v));
        assertEquals(3, v.dropped());
    }

    @Test
    void filtersByLevelAndComponentButAlwaysShowsEvents() {
        LogBuffer b = new LogBuffer(100);
        b.append(List.of(
                e(Level.DEBUG, "loki.write.default", "d"),
                e(Level.WARN, "loki.write.default", "w"),
                e(Level.ERROR, "prometheus.scrape.x", "err"),
                e(Level.UNKNOWN, "", "panic text"),
                e(Level.INFO, "module.file.m/prometheus.scrape.y", "child"),
                e(Level.INFO, "module.file.mm", "not a child"),
                new LogEntry(Instant.EPOCH, Level.INFO, "", "restarted", Map.of(), LogEntry.Kind.RESTART, false, null)));
        LogView v = LogView.of(b.snapshot());
        assertEquals(7, v.rowCount());
        LogView warn = v.withFilter(LogFilter.ALL.withMinLevel(Level.WARN));
        assertEquals(List.of("w", "err", "panic text", "restarted"), messages(warn));
        LogView loki = v.withFilter(new LogFilter(Level.UNKNOWN, "loki.write.default"));
        assertEquals(List.of("d", "w", "restarted"), messages(loki));
        LogView module = v.withFilter(LogFilter.ALL.withComponent("module.file.m"));
        assertEquals(List.of("child", "restarted"), messages(module));
        // new lines go through the same filter
        b.append(List.of(e(Level.INFO, "loki.write.default", "i"), e(Level.ERROR, "other", "x")));
        assertEquals(List.of("d", "w", "restarted", "i"), messages(loki.update(b.snapshot())));
    }

    @Test
    void searchHighlightsAndNavigatesWithWrap() {
        LogBuffer b = new LogBuffer(100);
        b.append(List.of(e(Level.INFO, "", "Error one error"), e(Level.INFO, "", "fine"),
                e(Level.INFO, "", "ERROR two"), e(Level.INFO, "", "nothing")));
        LogView v = LogView.of(b.snapshot()).withQuery("error");
        assertEquals(2, v.matchCount());
        assertArrayEquals(new int[] {0, 10}, v.highlights(0));
        assertArrayEquals(new int[0], v.highlights(1));
        assertEquals(OptionalInt.of(2), v.nextMatch(0));
        assertEquals(OptionalInt.of(0), v.nextMatch(2)); // wraps
        assertEquals(OptionalInt.of(0), v.nextMatch(-1));
        assertEquals(OptionalInt.of(2), v.previousMatch(0)); // wraps
        assertEquals(OptionalInt.of(0), v.previousMatch(2));
        assertEquals(OptionalInt.of(2), v.previousMatch(v.rowCount()));
        b.append(e(Level.INFO, "", "late error"));
        v = v.update(b.snapshot());
        assertEquals(3, v.matchCount());
        assertEquals(OptionalInt.of(4), v.nextMatch(2));
        assertEquals(OptionalInt.empty(), v.withQuery("absent").nextMatch(0));
        assertEquals(0, v.withQuery("").matchCount());
    }

    @Test
    void searchPositionsReferToTheSanitisedText() {
        LogBuffer b = new LogBuffer(10);
        b.append(e(Level.INFO, "", "\u001b[31mboom\u001b[0m"));
        LogView v = LogView.of(b.snapshot()).withQuery("boom");
        assertEquals("␛[31mboom␛[0m", v.row(0).text());
        assertArrayEquals(new int[] {5}, v.highlights(0));
    }

    @Test
    void pauseFreezesRowsAndCountsArrivals() {
        LogBuffer b = new LogBuffer(4);
        b.append(List.of(e(Level.INFO, "", "1"), e(Level.INFO, "", "2")));
        LogView v = LogView.of(b.snapshot()).withFilter(LogFilter.ALL.withMinLevel(Level.INFO)).pause();
        assertTrue(v.paused());
        b.append(List.of(e(Level.INFO, "", "3"), e(Level.DEBUG, "", "hidden"), e(Level.WARN, "", "4")));
        v = v.update(b.snapshot());
        assertEquals(List.of("1", "2"), messages(v)); // frozen even though "1" left the ring
        assertEquals(2, v.arrivedWhilePaused());
        for (int i = 0; i < 10; i++) b.append(e(Level.INFO, "", "x" + i));
        v = v.update(b.snapshot());
        assertEquals(12, v.arrivedWhilePaused());
        v = v.follow();
        assertFalse(v.paused());
        assertEquals(0, v.arrivedWhilePaused());
        assertEquals(List.of("x6", "x7", "x8", "x9"), messages(v));
    }

    @Test
    void linesThatLeftTheRingBeforeAnUpdateAreCountedWhilePaused() {
        LogBuffer b = new LogBuffer(3);
        LogView v = LogView.of(b.snapshot()).pause();
        for (int i = 0; i < 10; i++) b.append(e(Level.INFO, "", "" + i));
        assertEquals(10, v.update(b.snapshot()).arrivedWhilePaused());
    }

    /** Rows always equal a naive filter of what the ring holds, however updates interleave. */
    @Property(tries = 200)
    void incrementalRowsEqualANaiveFilter(@ForAll @IntRange(min = 1, max = 50) int capacity,
                                          @ForAll("ops") List<Integer> ops) {
        LogBuffer b = new LogBuffer(capacity);
        LogFilter f = new LogFilter(Level.WARN, "c1");
        LogView v = LogView.of(b.snapshot()).withFilter(f).withQuery("x");
        int n = 0;
        for (int op : ops) {
            if (op < 0) {
                v = v.update(b.snapshot());
                LogSnapshot s = b.snapshot();
                List<String> expect = new ArrayList<>();
                int matches = 0;
                for (long q = s.start(); q < s.end(); q++) {
                    LogEntry en = s.get(q).entry();
                    if (f.matches(en)) {
                        expect.add(en.message());
                        if (en.message().contains("x")) matches++;
                    }
                }
                assertEquals(expect, messages(v));
                assertEquals(matches, v.matchCount());
            } else {
                for (int i = 0; i < op; i++, n++) {
                    Level l = Level.values()[n % 5];
                    b.append(e(l, n % 3 == 0 ? "c1" : "c2", (n % 4 == 0 ? "x" : "y") + n));
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> ops() {
        return Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, 80)).list().ofMaxSize(40);
    }
}
