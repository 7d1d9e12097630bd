package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tail -F behaviour on real files: backlog, appends, rename rotation, truncation, late creation. */
class FileSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static void append(Path p, String s) throws Exception {
        Files.write(p, s.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> messages(Collector c, String prefix) {
        return c.entries().stream().map(LogEntry::message).filter(m -> m.startsWith(prefix)).toList();
    }

    @Test
    void aWriteAfterAQuietSpellEndsThePollsSleep() throws Exception {
        // the idle poll here is a minute: only the file-change wake-up can bring the line in time
        Path log = dir.resolve("alloy.log");
        append(log, "level=info msg=before\n");
        Collector c = new Collector();
        try (FileSource s = new FileSource(log, 10, true, CLOCK, Duration.ofMinutes(1))) {
            s.start(c);
            c.await(e -> e.message().equals("before"), 1, 10);
            Thread.sleep(300); // the source is asleep at end-of-file now
            long t0 = System.nanoTime();
            append(log, "level=info msg=after\n");
            c.await(e -> e.message().equals("after"), 1, 20);
            assertEquals(List.of("after"), messages(c, "after"));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 20_000, "woken by the write, not by the one-minute poll: " + ms + " ms");
            // and the same for the file appearing again after a rename rotation
            Files.move(log, dir.resolve("alloy.log.1"));
            Thread.sleep(300);
            append(log, "level=info msg=recreated\n");
            c.await(e -> e.message().equals("recreated"), 1, 20);
            assertEquals(List.of("recreated"), messages(c, "recreated"));
        }
    }

    @Test
    void followsAppendsRotationAndTruncation() throws Exception {
        Path log = dir.resolve("alloy.log");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) b.append("level=info msg=old-").append(i).append('\n');
        append(log, b.toString());
        Collector c = new Collector();
        try (FileSource s = new FileSource(log, 3, true, CLOCK, Duration.ofMillis(20))) {
            s.start(c);
            c.await(e -> true, 3, 10);
            assertEquals(List.of("old-47", "old-48", "old-49"), messages(c, "old-"));

            append(log, "level=warn msg=a-1\nlevel=warn msg=a-");
            c.await(e -> e.message().equals("a-1"), 1, 10);
            append(log, "2\r\n"); // a line written in two pieces, CRLF ended
            c.await(e -> e.message().equals("a-2"), 1, 10);

            // logrotate's default: rename, then the writer reopens a new file
            append(log, "level=info msg=b-last-in-old\n");
            Files.move(log, dir.resolve("alloy.log.1"));
            append(dir.resolve("alloy.log.1"), "level=info msg=b-late-in-old\n");
            Thread.sleep(100);
            append(log, "level=info msg=c-new-1\nlevel=info msg=c-new-2\n");
            c.await(e -> e.message().startsWith("c-new"), 2, 10);
            assertEquals(List.of("b-last-in-old", "b-late-in-old"), messages(c, "b-"));

            // copytruncate: same file, cut to zero, written again
            Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            Thread.sleep(100);
            append(log, "level=error msg=d-after-truncate\n");
            c.await(e -> e.message().equals("d-after-truncate"), 1, 10);

            assertEquals(List.of("a-1", "a-2"), messages(c, "a-"));
            assertEquals(List.of("c-new-1", "c-new-2"), messages(c, "c-"));
            assertTrue(c.statuses().stream().anyMatch(m -> m.contains("truncated")), c.statuses().toString());
            assertEquals(3 + 2 + 2 + 2 + 1, c.entries().size(), "each line once: " + c.entries());
            assertEquals(CLOCK.instant(), c.entries().get(0).time(), "no ts=: the injected clock");
        }
        assertTrue(c.finished.await(5, TimeUnit.SECONDS));
    }

    @Test
    void waitsForAFileThatDoesNotExistYet() throws Exception {
        Path log = dir.resolve("later.log");
        Collector c = new Collector();
        try (FileSource s = new FileSource(log, 10, true, CLOCK, Duration.ofMillis(20))) {
            s.start(c);
            Thread.sleep(100);
            append(log, "first\n");
            c.await(e -> e.message().equals("first"), 1, 10);
            assertTrue(c.statuses().get(0).contains("waiting for"), c.statuses().toString());
        }
    }

    @Test
    void oneShotReadsTheLastLinesAndEnds() throws Exception {
        Path log = dir.resolve("x.log");
        append(log, "one\ntwo\nthree\n\u001b[31mfour");
        Collector c = new Collector();
        FileSource s = new FileSource(log, 2, false, CLOCK, Duration.ofMillis(20));
        s.start(c);
        assertTrue(c.finished.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("three", "\u001b[31mfour"), c.entries().stream().map(LogEntry::message).toList());
        s.close();
    }

    @Test
    void logsCommandOnAFileIsTerminalSafe() throws Exception {
        Path log = dir.resolve("y.log");
        append(log, "ts=2026-08-21T13:41:00Z level=warn msg=\"\\x1b]0;t\\x07 \\u009b\" component_id=a\n"
                + "raw \u001b[2J \u0007 \u009b end\n");
        CommandRun run = CommandRun.of("logs", "--log-file", log.toString(), "-n", "5");
        assertEquals(0, run.exitCode(), run.stderr());
        HostileJournal.assertTerminalSafe(run.stdout());
        assertEquals("2026-08-21T13:41:00Z warn  a ␛]0;t␇ \\x9b", run.lines()[0]);
        assertTrue(run.lines()[1].endsWith("-     raw ␛[2J ␇ \\x9b end"), run.lines()[1]);
    }
}
