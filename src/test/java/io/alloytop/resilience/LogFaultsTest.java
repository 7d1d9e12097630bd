package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.logs.FileSource;
import io.alloytop.logs.GatewaySource;
import io.alloytop.logs.JournalctlSource;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogSink;
import io.alloytop.testing.FakeHttp;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log sources when their producer fails: journalctl killed, gatewayd cutting the stream, the file deleted. */
class LogFaultsTest {
    static final Tally TALLY = new Tally("faults-logs");

    @TempDir
    Path tmp;

    @AfterAll
    static void write() {
        TALLY.write();
    }

    static final class Sink implements LogSink {
        final List<LogEntry> entries = new CopyOnWriteArrayList<>();
        final List<String> statuses = new CopyOnWriteArrayList<>();
        final CountDownLatch finished = new CountDownLatch(1);

        @Override
        public void entries(List<LogEntry> batch) {
            entries.addAll(batch);
        }

        @Override
        public void status(String message, boolean error) {
            statuses.add((error ? "E " : "I ") + message);
        }

        @Override
        public void finished() {
            finished.countDown();
        }

        void await(Predicate<Sink> p, long ms, String what) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
            while (System.nanoTime() < end) {
                if (p.test(this)) return;
                CheckFaultsTest.sleep(25);
            }
            throw new AssertionError("not " + what + " within " + ms + " ms; statuses " + statuses + ", entries " + entries.size());
        }

        void clean() {
            for (String s : statuses) assertFalse(Cli.hasStackTrace(s) || s.contains("Exception"), s);
        }
    }

    private static final String LINE = "{\"__CURSOR\":\"s=1;i=%d\",\"__REALTIME_TIMESTAMP\":\"1755783667553912\",\"PRIORITY\":\"6\","
            + "\"_SYSTEMD_UNIT\":\"alloy.service\",\"MESSAGE\":\"level=info msg=\\\"line %d\\\"\"}";

    @Test
    void journalctlKilledMidLine() throws Exception {
        TALLY.scenario("logs.journalctlDies", () -> {
            try {
                Path fake = tmp.resolve("journalctl");
                Path launches = tmp.resolve("launches");
                Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> " + launches + "\nprintf '%s\\n' '" + String.format(LINE, 1, 1)
                        + "' '" + String.format(LINE, 2, 2) + "'\nprintf '{\"MESSAGE\":\"cut'\nkill -9 $$\n");
                Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
                // one-shot: what was read is kept and the death is reported with its code
                Sink s = new Sink();
                try (JournalctlSource src = new JournalctlSource(fake.toString(), "alloy.service", null, 10, false)) {
                    src.start(s);
                    assertTrue(s.finished.await(10, TimeUnit.SECONDS), "finished after journalctl died");
                }
                assertTrue(s.entries.size() >= 2, "kept what was read: " + s.entries);
                assertTrue(s.statuses.stream().anyMatch(m -> m.startsWith("E ") && m.contains("137")), s.statuses.toString());
                s.clean();
                // following: restarted after the last cursor, with growing pauses (500 ms, 1 s, ...)
                Files.deleteIfExists(launches);
                s = new Sink();
                try (JournalctlSource src = new JournalctlSource(fake.toString(), "alloy.service", null, 10, true)) {
                    src.start(s);
                    s.await(x -> x.statuses.stream().anyMatch(m -> m.contains("journalctl restarted")), 8000, "restarted");
                    CheckFaultsTest.sleep(2000);
                }
                List<String> runs = Files.readAllLines(launches);
                assertTrue(runs.size() >= 2 && runs.size() <= 4, "journalctl started " + runs.size() + " times in ~3 s: " + runs);
                assertTrue(runs.get(1).contains("s=1;i=2"), "restarted after the last cursor: " + runs.get(1));
                TALLY.add("journalctlRestarts", runs.size() - 1);
                s.clean();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void gatewaydDropsTheStreamAndIsRetriedWithBackoff() throws Exception {
        TALLY.scenario("logs.gatewaydDrops", () -> {
            AtomicInteger calls = new AtomicInteger();
            try (FakeHttp g = FakeHttp.start()) {
                g.route("/entries", ex -> {
                    int n = calls.incrementAndGet();
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, 0);
                    OutputStream o = ex.getResponseBody();
                    o.write((String.format(LINE, n, n) + "\n{\"MESSAGE\":\"cu").getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    // drop: close the connection without finishing the chunked body
                    ex.close();
                });
                Sink s = new Sink();
                try (GatewaySource src = new GatewaySource(g.url(), "alloy.service", 10, true)) {
                    src.start(s);
                    s.await(x -> calls.get() >= 2, 10_000, "reconnected");
                    CheckFaultsTest.sleep(2000);
                }
                assertTrue(s.entries.size() >= 1, "entries " + s.entries);
                assertTrue(calls.get() <= 8, "reconnected " + calls.get() + " times in ~2 s: no backoff");
                TALLY.add("gatewaydReconnects", calls.get());
                s.clean();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void followedFileDeletedAndRecreated() throws Exception {
        TALLY.scenario("logs.fileDeleted", () -> {
            try {
                Path log = tmp.resolve("alloy.log");
                Files.writeString(log, "level=info msg=\"one\"\n");
                Sink s = new Sink();
                try (FileSource src = new FileSource(log, 10, true, Clock.systemUTC(), Duration.ofMillis(50))) {
                    src.start(s);
                    s.await(x -> x.entries.size() >= 1, 5000, "reading the first line");
                    Files.delete(log);
                    CheckFaultsTest.sleep(400);
                    Files.writeString(log, "level=warn msg=\"two after recreate\"\n");
                    s.await(x -> x.entries.stream().anyMatch(e -> e.message().contains("two after recreate")), 5000,
                            "following the recreated file");
                }
                s.clean();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }
}
