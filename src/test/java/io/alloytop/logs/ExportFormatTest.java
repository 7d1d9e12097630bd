package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportFormatTest {
    @Test
    void readsTextAndBinaryFieldsOfTheFirstEntry() {
        byte[] x = new JournalExport().alloy("inv", "level=info msg=\"a\u001bb\"").alloy("inv", "second").take();
        Map<String, byte[]> e = ExportFormat.firstEntry(x);
        assertEquals("level=info msg=\"a\u001bb\"", new String(e.get("MESSAGE"), StandardCharsets.UTF_8));
        assertEquals("alloy.service", new String(e.get("_SYSTEMD_UNIT"), StandardCharsets.UTF_8));
    }

    @Test
    void refetchedEntryReplacesTheNoticeOnlyForTheSameCursor() {
        String export = "__CURSOR=s=1;i=9\nMESSAGE=level=error msg=long\n\n";
        LogEntry notice = new LogEntry(Instant.EPOCH, Level.UNKNOWN, "", JournalDecoder.TRUNCATED_NOTICE, Map.of(),
                LogEntry.Kind.LINE, true, "s=1;i=9");
        LogEntry full = GatewaySource.fromExport(export.getBytes(StandardCharsets.UTF_8), notice);
        assertEquals("long", full.message());
        assertEquals(Level.ERROR, full.level());
        LogEntry other = new LogEntry(Instant.EPOCH, Level.UNKNOWN, "", "n", Map.of(), LogEntry.Kind.LINE, true, "s=1;i=8");
        assertSame(other, GatewaySource.fromExport(export.getBytes(StandardCharsets.UTF_8), other));
        assertSame(other, GatewaySource.fromExport("MESSAGE\n\u00ff".getBytes(StandardCharsets.ISO_8859_1), other));
    }
}
