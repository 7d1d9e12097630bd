package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LogSourcesTest {
    private static final Function<String, Path> HAS_JOURNALCTL = p -> Path.of("/usr/bin/" + p);
    private static final Function<String, Path> NOTHING = p -> null;

    private static LogSettings s(LogSettings.Mode m, Path dir, String url, Path file) {
        return new LogSettings(m, null, dir, url, file, 100, true);
    }

    @Test
    void autoPrefersWhatTheUserNamed() {
        assertTrue(LogSources.select(s(LogSettings.Mode.AUTO, null, "http://h:19531", Path.of("/f")), HAS_JOURNALCTL)
                .source() instanceof GatewaySource);
        assertTrue(LogSources.select(s(LogSettings.Mode.AUTO, Path.of("/d"), null, Path.of("/f")), HAS_JOURNALCTL)
                .source() instanceof FileSource);
        LogSources.Choice dir = LogSources.select(s(LogSettings.Mode.AUTO, Path.of("/d"), null, null), HAS_JOURNALCTL);
        assertEquals("journal: alloy.service in /d", dir.source().describe());
        assertTrue(LogSources.select(s(LogSettings.Mode.AUTO, null, null, null), HAS_JOURNALCTL).source() instanceof JournalctlSource);
    }

    @Test
    void autoWithoutJournalctlIsANoteNotAnError() {
        LogSources.Choice c = LogSources.select(s(LogSettings.Mode.AUTO, null, null, null), NOTHING);
        assertNull(c.source());
        assertFalse(c.error());
        assertTrue(c.reason().contains("--journal-url"), c.reason());
    }

    @Test
    void forcedChoicesThatCannotWorkAreErrors() {
        assertTrue(LogSources.select(s(LogSettings.Mode.JOURNAL, null, null, null), NOTHING).error());
        assertTrue(LogSources.select(s(LogSettings.Mode.JOURNAL, null, null, null), NOTHING).reason().startsWith("journalctl not found"));
        assertTrue(LogSources.select(s(LogSettings.Mode.GATEWAY, null, null, null), HAS_JOURNALCTL).reason().contains("--journal-url"));
        assertTrue(LogSources.select(s(LogSettings.Mode.GATEWAY, null, "not a url", null), HAS_JOURNALCTL).error());
        assertTrue(LogSources.select(s(LogSettings.Mode.FILE, null, null, null), HAS_JOURNALCTL).reason().contains("--log-file"));
        LogSources.Choice none = LogSources.select(s(LogSettings.Mode.NONE, null, "http://h", null), HAS_JOURNALCTL);
        assertNull(none.source());
        assertFalse(none.error());
    }

    @Test
    void unitNamesGetTheirSuffix() {
        assertEquals("alloy.service", new LogSettings(null, "alloy", null, null, null, 1, false).unit());
        assertEquals("alloy.service", new LogSettings(null, null, null, null, null, 1, false).unit());
        assertEquals("my.scope", new LogSettings(null, "my.scope", null, null, null, 1, false).unit());
    }

    @Test
    void journalctlCommandLine() {
        JournalctlSource j = new JournalctlSource("journalctl", "alloy.service", Path.of("/x"), 50, true);
        assertEquals(java.util.List.of("journalctl", "-u", "alloy.service", "-o", "json", "--all", "--no-pager", "-n", "50",
                "-f", "--directory", "/x"), j.command());
        assertEquals(java.util.List.of("journalctl", "-u", "alloy.service", "-o", "json", "--all", "--no-pager",
                "--after-cursor=s=1;i=2", "-f", "--directory", "/x"), j.command("s=1;i=2"));
    }

    @Test
    void missingJournalctlIsSaidAndTheSourceEnds() throws Exception {
        Collector c = new Collector();
        new JournalctlSource("/nonexistent/journalctl", "alloy.service", null, 10, true).start(c);
        assertTrue(c.finished.await(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(java.util.List.of("error: " + JournalctlHints.NOT_INSTALLED), c.statuses());
    }

    @Test
    void gatewayRangesAndUrl() {
        GatewaySource follow = new GatewaySource("http://host:19531/", "alloy.service", 10, true);
        assertEquals("http://host:19531/entries?_SYSTEMD_UNIT=alloy.service&follow", follow.entriesUrl().toString());
        assertEquals("entries=:-9:", follow.range());
        assertEquals("s=1;i=2", GatewaySource.cursorOf("{\"MESSAGE\":\"x\",\"__CURSOR\":\"s=1;i=2\",\"PRIORITY\":\"6\"}"));
        assertNull(GatewaySource.cursorOf("{\"MESSAGE\":\"x\"}"));
        GatewaySource once = new GatewaySource("http://host:19531", "alloy.service", 10, false);
        assertEquals("entries=:-9:10", once.range());
        assertEquals("http://host:19531/entries?_SYSTEMD_UNIT=alloy.service", once.entriesUrl().toString());
        once.close();
        follow.close();
    }

    @Test
    void journalctlHintsSayTheFix() {
        String m = JournalctlHints.explain("Hint: You are currently not seeing messages from other users and the system.", "alloy.service");
        assertTrue(m.contains("usermod -aG systemd-journal"), m);
        assertTrue(JournalctlHints.explain("No journal files were opened due to insufficient permissions.", "alloy.service")
                .contains("may not read the system journal"));
        assertNull(JournalctlHints.explain("      Users in groups 'adm', 'systemd-journal' can see all messages.", "u"));
        assertNull(JournalctlHints.explain("      Pass -q to turn off this notice.", "u"));
        assertEquals("journalctl: Failed to open /x", JournalctlHints.explain("Failed to open /x", "u"));
    }
}
