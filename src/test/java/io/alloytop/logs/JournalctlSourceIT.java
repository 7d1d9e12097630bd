package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.testing.RealPrograms;
import io.alloytop.text.Sanitizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real journal files built by systemd-journal-remote, read by real journalctl. */
class JournalctlSourceIT {
    @TempDir
    static Path dir;

    @BeforeAll
    static void buildJournal() throws Exception {
        RealPrograms.require("journalctl");
        JournalExport x = new JournalExport();
        HostileJournal.write(x);
        try (JournalRemote r = JournalRemote.start(dir)) {
            r.write(x.take(), HostileJournal.ALL_ENTRIES);
        }
    }

    @Test
    void logsCommandPrintsTheUnitsEntriesInert() {
        CommandRun run = CommandRun.of("logs", "--journal-dir", dir.toString(), "-n", "1000");
        assertEquals(0, run.exitCode(), run.stderr());
        HostileJournal.assertTerminalSafe(run.stdout());
        String[] lines = run.lines();
        String all = run.text();
        // 14 Alloy lines + 4 systemd events + 1 restart marker, each on one row; cron's line is not ours
        assertEquals(HostileJournal.ALLOY_LINES + 4 + 1, lines.length, all);
        assertFalse(all.contains("OTHER-UNIT-LINE"));
        assertTrue(all.contains("warn  loki.write.default ␛[2J␛[H␛]0;pwned-title␇ CSI+OSC"), all);
        assertTrue(all.contains("url=␛]8;;http://evil.example/␛\\click␛]8;;␛\\ dcs=␛P+q544e␛\\"), all);
        assertTrue(all.contains("BEL␇ BS␈ CR␍ NUL␀ DEL␡ C1-CSI\\x9b31m end"), all);
        assertTrue(all.contains("error otelcol.receiver.otlp.default bad bytes é \uFFFD\uFFFD(\uFFFD"), all);
        assertTrue(all.contains("info  prometheus.exporter.unix.default " + HostileJournal.LONG_VALUE), "10 KB line whole");
        assertTrue(all.contains(Sanitizer.line(HostileJournal.PANIC)), "panic kept as one entry");
        assertTrue(all.contains("<U+202E>evil="), all);
        assertTrue(all.contains("error prometheus.remote_write.default Failed to send batch, retrying") == false
                && all.contains("warn  prometheus.remote_write.default Failed to send batch, retrying"), all);
        assertTrue(all.contains("debug prometheus.scrape.default finished node evaluation"), all);
        assertTrue(all.contains("info  http now listening for http traffic addr=127.0.0.1:12345"), all);
        assertTrue(all.contains("[systemd] alloy.service: Failed with result 'exit-code'. event=failed"), all);
        assertTrue(all.contains("[systemd] alloy.service: Scheduled restart job"), all);
        assertTrue(all.contains("[restart] alloy.service restarted (new invocation " + HostileJournal.INV2 + ")"), all);
        assertTrue(lines[0].startsWith("2025-08-21T13:41:07.001Z info  [systemd] Starting alloy.service"), lines[0]);
        assertTrue(lines[1].startsWith("2026-08-21T13:41:00Z info  main Alloy is starting"), lines[1]);
    }

    @Test
    void levelAndComponentFilters() {
        CommandRun warn = CommandRun.of("logs", "--journal-dir", dir.toString(), "-n", "1000", "--level", "warn");
        HostileJournal.assertTerminalSafe(warn.stdout());
        for (String l : warn.lines()) {
            assertTrue(l.matches("\\S+ (warn |error|-    ) .*") || l.contains("[systemd]") || l.contains("[restart]"), l);
        }
        assertTrue(warn.text().contains("panic: runtime error"), "a panic has no level: it is never hidden");
        CommandRun loki = CommandRun.of("logs", "--journal-dir", dir.toString(), "-n", "1000",
                "--component", "loki.write.default");
        List<String> lines = Arrays.stream(loki.lines()).filter(l -> !l.contains("[systemd]") && !l.contains("[restart]"))
                .collect(Collectors.toList());
        assertEquals(1, lines.size(), loki.text());
        assertTrue(lines.get(0).contains("pwned-title"));
    }

    @Test
    void backlogCountsFromTheEnd() {
        CommandRun run = CommandRun.of("logs", "--journal-dir", dir.toString(), "-n", "2");
        assertEquals(2, run.lines().length, run.text());
        assertTrue(run.lines()[1].contains("[systemd] Started alloy.service"), run.text());
    }

    @Test
    void jsonOutputKeepsRawTextEscaped() throws Exception {
        CommandRun run = CommandRun.of("logs", "--journal-dir", dir.toString(), "-n", "1000", "--output", "json");
        assertEquals(0, run.exitCode(), run.stderr());
        HostileJournal.assertTerminalSafe(run.stdout());
        ObjectMapper m = new ObjectMapper();
        boolean sawEsc = false, sawC1 = false, sawTruncated = false;
        for (String l : run.lines()) {
            JsonNode o = m.readTree(l);
            String msg = o.get("msg").asText();
            sawEsc |= msg.contains("\u001b]0;pwned-title\u0007");
            sawC1 |= msg.contains("\u009b31m");
            sawTruncated |= o.has("truncated");
            assertTrue(o.has("ts") && o.has("level") && o.has("component") && o.has("fields") && o.has("kind"));
        }
        assertTrue(sawEsc, "scripts get the raw text back after JSON decoding");
        assertTrue(sawC1);
        assertFalse(sawTruncated, "journalctl --all never truncates");
    }

    @Test
    void missingDirectoryIsSaidPlainly() {
        CommandRun run = CommandRun.of("logs", "--journal-dir", dir.resolve("nope").toString());
        assertTrue(run.stderr().contains("alloytop: "), run.stderr());
        assertEquals(3, run.exitCode(), run.stderr());
    }

    @Test
    void followSeesEntriesAppendedLive(@TempDir Path live) throws Exception {
        JournalExport x = new JournalExport();
        try (JournalRemote r = JournalRemote.start(live)) {
            for (int i = 0; i < 3; i++) x.alloy(HostileJournal.INV1, "level=info msg=backlog-" + i);
            r.write(x.take(), 3);
            Collector c = new Collector();
            try (JournalctlSource s = new JournalctlSource(RealPrograms.require("journalctl").toString(),
                    "alloy.service", live, 100, true)) {
                s.start(c);
                c.await(e -> e.message().startsWith("backlog-"), 3, 20);
                for (int i = 0; i < 5; i++) {
                    x.alloy(i < 3 ? HostileJournal.INV1 : HostileJournal.INV2, "level=warn msg=\"live-" + i + " \u001b[5m\"");
                    r.write(x.take(), 4 + i);
                }
                List<LogEntry> got = c.await(e -> e.message().startsWith("live-"), 5, 20);
                assertEquals(List.of("live-0 \u001b[5m", "live-1 \u001b[5m", "live-2 \u001b[5m", "live-3 \u001b[5m", "live-4 \u001b[5m"),
                        got.stream().map(LogEntry::message).toList());
                assertEquals(1, c.entries().stream().filter(e -> e.kind() == LogEntry.Kind.RESTART).count());
                assertEquals(8, c.entries().stream().filter(e -> e.kind() == LogEntry.Kind.LINE).count(), "no duplicates");

                // journalctl dies: restarted after the last cursor, nothing repeated or lost
                Process first = s.currentProcess();
                first.destroy();
                assertTrue(first.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
                x.alloy(HostileJournal.INV2, "level=info msg=while-down");
                r.write(x.take(), 9);
                c.await(e -> e.message().equals("while-down"), 1, 20);
                x.alloy(HostileJournal.INV2, "level=info msg=after-restart");
                r.write(x.take(), 10);
                c.await(e -> e.message().equals("after-restart"), 1, 20);
                assertEquals(10, c.entries().stream().filter(e -> e.kind() == LogEntry.Kind.LINE).count(),
                        "no duplicates across the restart: " + c.entries().stream().map(LogEntry::message).toList());
                assertTrue(c.statuses().stream().anyMatch(m -> m.contains("restarting in")), c.statuses().toString());
            }
            assertTrue(c.finished.await(5, java.util.concurrent.TimeUnit.SECONDS), "close ends the source");
        }
    }

    /** journalctl's own hint for a journal the user may not read becomes a plain sentence with the fix. */
    @Test
    void unreadableJournalIsSaidWithTheFix() throws Exception {
        Path shared = java.nio.file.Files.createTempDirectory(Path.of("/tmp"), "alloytop-perm");
        try {
            java.nio.file.Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            JournalExport x = new JournalExport();
            x.alloy(HostileJournal.INV1, "level=info msg=secret");
            try (JournalRemote r = JournalRemote.start(shared)) {
                r.write(x.take(), 1);
            }
            String journalctl = RealPrograms.require("journalctl").toString();
            if ("root".equals(System.getProperty("user.name"))) {
                // root reads everything: run the real journalctl as an unprivileged user instead
                Path runuser = RealPrograms.require("runuser");
                Path wrapper = shared.resolve("journalctl-as-nobody");
                java.nio.file.Files.writeString(wrapper, "#!/bin/sh\nexec " + runuser + " -u nobody -- " + journalctl + " \"$@\"\n");
                wrapper.toFile().setExecutable(true);
                journalctl = wrapper.toString();
            } else {
                try (var files = java.nio.file.Files.list(shared)) {
                    files.filter(f -> f.toString().endsWith(".journal")).forEach(f -> f.toFile().setReadable(false, false));
                }
            }
            Collector c = new Collector();
            try (JournalctlSource s = new JournalctlSource(journalctl, "alloy.service", shared, 10, false)) {
                s.start(c);
                assertTrue(c.finished.await(10, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertTrue(c.entries().isEmpty(), c.entries().toString());
            assertTrue(c.statuses().stream().anyMatch(m -> m.startsWith("error: cannot read alloy.service's logs")
                    && m.contains("may not read the system journal") && m.contains("usermod -aG systemd-journal")),
                    c.statuses().toString());
        } finally {
            try (var files = java.nio.file.Files.walk(shared)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
