package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.TcpProxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real systemd-journal-gatewayd over a real journal that grows while we read it. */
class GatewaySourceIT {
    @TempDir
    Path dir;

    @Test
    void backlogLiveAndResumeByCursorAfterADrop() throws Exception {
        JournalExport x = new JournalExport();
        HostileJournal.write(x);
        Path journal = dir.resolve("journal");
        java.nio.file.Files.createDirectories(journal);
        try (JournalRemote r = JournalRemote.start(journal);
             Gatewayd g = Gatewayd.serve(journal, dir);
             TcpProxy proxy = new TcpProxy(g.port)) {
            int total = HostileJournal.ALL_ENTRIES;
            r.write(x.take(), total);
            Collector c = new Collector();
            try (GatewaySource s = new GatewaySource("http://127.0.0.1:" + proxy.port(), "alloy.service", 1000, true)) {
                s.start(c);
                // the unit match is _SYSTEMD_UNIT: Alloy's own lines (and the restart marker), not PID 1's
                List<LogEntry> backlog = c.await(e -> true, HostileJournal.ALLOY_LINES + 1, 20);
                assertTrue(backlog.stream().noneMatch(e -> e.message().contains("OTHER-UNIT-LINE")));
                LogEntry longLine = backlog.stream().filter(e -> e.component().equals("prometheus.exporter.unix.default"))
                        .findFirst().orElseThrow();
                assertFalse(longLine.truncated(), "gatewayd's JSON gave null; the export-format refetch recovers it");
                assertEquals(HostileJournal.LONG_VALUE, longLine.message());
                assertTrue(backlog.stream().anyMatch(e -> e.message().contains("\u001b]0;pwned-title\u0007")));
                assertEquals(1, backlog.stream().filter(e -> e.kind() == LogEntry.Kind.RESTART).count());

                for (int i = 0; i < 3; i++) x.alloy(HostileJournal.INV2, "level=info msg=live-" + i);
                r.write(x.take(), total += 3);
                c.await(e -> e.message().startsWith("live-"), 3, 20);

                // a drop with nothing new written: the resume must not repeat the newest entry
                proxy.cutAll();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (c.statuses().stream().noneMatch(m -> m.startsWith("reconnected")) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                Thread.sleep(500);
                assertEquals(3, c.entries().stream().filter(e -> e.message().startsWith("live-")).count(), "no repeat after resume");

                // drop the stream and keep the door shut while entries arrive
                proxy.refuse(true);
                proxy.cutAll();
                for (int i = 0; i < 4; i++) x.alloy(HostileJournal.INV2, "level=warn msg=gap-" + i);
                r.write(x.take(), total += 4);
                Thread.sleep(700); // at least one refused reconnect
                proxy.refuse(false);
                c.await(e -> e.message().startsWith("gap-"), 4, 20);
                for (int i = 0; i < 2; i++) x.alloy(HostileJournal.INV2, "level=info msg=after-" + i);
                r.write(x.take(), total += 2);
                c.await(e -> e.message().startsWith("after-"), 2, 20);

                List<String> tail = new ArrayList<>();
                for (LogEntry e : c.entries()) {
                    if (e.message().matches("(live|gap|after)-\\d")) tail.add(e.message());
                }
                assertEquals(List.of("live-0", "live-1", "live-2", "gap-0", "gap-1", "gap-2", "gap-3", "after-0", "after-1"),
                        tail, "no duplicates and no gaps across the reconnect");
                assertEquals(HostileJournal.ALLOY_LINES + 1 + 9, c.entries().size(), "nothing else was repeated");
                assertTrue(proxy.accepted() >= 3, "it really reconnected, twice");
                assertTrue(c.statuses().stream().anyMatch(m -> m.startsWith("reconnected")), c.statuses().toString());
                assertTrue(c.statuses().stream().anyMatch(m -> m.contains("retrying in")), c.statuses().toString());
            }
            assertTrue(c.finished.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void logsCommandReadsTheBacklogOverHttp() throws Exception {
        JournalExport x = new JournalExport();
        HostileJournal.write(x);
        Path journal = dir.resolve("j2");
        java.nio.file.Files.createDirectories(journal);
        try (JournalRemote r = JournalRemote.start(journal)) {
            r.write(x.take(), HostileJournal.ALL_ENTRIES);
        }
        try (Gatewayd g = Gatewayd.serve(journal, dir)) {
            CommandRun all = CommandRun.of("logs", "--journal-url", g.url(), "-n", "1000");
            assertEquals(0, all.exitCode(), all.stderr());
            HostileJournal.assertTerminalSafe(all.stdout());
            assertEquals(HostileJournal.ALLOY_LINES + 1, all.lines().length, all.text());
            assertTrue(all.text().contains("␛[2J␛[H␛]0;pwned-title␇"));
            assertTrue(all.text().contains(HostileJournal.LONG_VALUE));

            CommandRun last3 = CommandRun.of("logs", "--journal-url", g.url(), "-n", "3");
            // three journal entries: the empty message, then (after the derived restart marker) two of the new run
            assertEquals(4, last3.lines().length, last3.text());
            assertTrue(last3.lines()[1].contains("[restart]"), last3.text());
            assertTrue(last3.lines()[3].contains("Alloy is running"), last3.text());
            HostileJournal.assertTerminalSafe(last3.stdout());

            CommandRun last1 = CommandRun.of("logs", "--journal-url", g.url(), "-n", "1");
            assertEquals(1, last1.lines().length, last1.text());
            assertTrue(last1.lines()[0].contains("Alloy is running"), last1.text());
        }
    }

    /** gatewayd reads a skip of "-0" as the head, so the smallest backlogs go through the tail's cursor. */
    @Test
    void smallBacklogsStartAtTheTail() throws Exception {
        JournalExport x = new JournalExport();
        Path journal = dir.resolve("j3");
        java.nio.file.Files.createDirectories(journal);
        try (JournalRemote r = JournalRemote.start(journal);
             Gatewayd g = Gatewayd.serve(journal, dir)) {
            for (int i = 0; i < 5; i++) x.alloy(HostileJournal.INV1, "level=info msg=old-" + i);
            r.write(x.take(), 5);
            Collector none = new Collector();
            Collector one = new Collector();
            try (GatewaySource s0 = new GatewaySource(g.url(), "alloy.service", 0, true);
                 GatewaySource s1 = new GatewaySource(g.url(), "alloy.service", 1, true)) {
                s0.start(none);
                s1.start(one);
                one.await(e -> true, 1, 20);
                Thread.sleep(500); // s0 has connected too, and must have received nothing
                assertEquals(List.of(), none.entries());
                x.alloy(HostileJournal.INV1, "level=info msg=new-0");
                r.write(x.take(), 6);
                none.await(e -> true, 1, 20);
                one.await(e -> true, 2, 20);
            }
            assertEquals(List.of("new-0"), none.entries().stream().map(LogEntry::message).toList());
            assertEquals(List.of("old-4", "new-0"), one.entries().stream().map(LogEntry::message).toList());
        }
    }
}
