package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalDecoderTest {
    private static String line(String message, String inv) {
        return "{\"__CURSOR\":\"s=1;i=2\",\"__REALTIME_TIMESTAMP\":\"1755783667553912\",\"PRIORITY\":\"6\","
                + "\"_SYSTEMD_UNIT\":\"alloy.service\",\"_SYSTEMD_INVOCATION_ID\":\"" + inv + "\",\"MESSAGE\":" + message + "}";
    }

    @Test
    void stringMessageIsParsedAsAlloyText() {
        JournalDecoder d = new JournalDecoder("alloy.service");
        List<LogEntry> out = d.decodeLine(line("\"level=error msg=boom component_id=loki.write.default\"", "a"));
        assertEquals(1, out.size());
        LogEntry e = out.get(0);
        assertEquals(Level.ERROR, e.level());
        assertEquals("loki.write.default", e.component());
        assertEquals("s=1;i=2", e.cursor());
        assertEquals(Instant.parse("2025-08-21T13:41:07.553912Z"), e.time()); // no ts=: journal time
    }

    @Test
    void byteArrayMessageKeepsControlsAndReplacesInvalidUtf8() {
        // "level=warn msg=\"\u001b[31mred\u0007\"" then an invalid byte 0xFF
        String bytes = "[108,101,118,101,108,61,119,97,114,110,32,109,115,103,61,34,27,91,51,49,109,114,101,100,7,34,32,255]";
        LogEntry e = new JournalDecoder("alloy.service").decodeLine(line(bytes, "a")).get(0);
        assertEquals(Level.WARN, e.level());
        assertEquals("\u001b[31mred\u0007", e.message());
        assertEquals("\uFFFD", e.fields().keySet().iterator().next());
    }

    @Test
    void nullMessageSaysTruncated() {
        LogEntry e = new JournalDecoder("alloy.service").decodeLine(line("null", "a")).get(0);
        assertTrue(e.truncated());
        assertEquals(JournalDecoder.TRUNCATED_NOTICE, e.message());
    }

    @Test
    void invocationChangeGivesARestartMarker() {
        JournalDecoder d = new JournalDecoder("alloy.service");
        assertEquals(1, d.decodeLine(line("\"level=info msg=a\"", "inv1")).size());
        assertEquals(1, d.decodeLine(line("\"level=info msg=b\"", "inv1")).size());
        List<LogEntry> out = d.decodeLine(line("\"level=info msg=c\"", "inv2"));
        assertEquals(2, out.size());
        assertEquals(LogEntry.Kind.RESTART, out.get(0).kind());
        assertEquals("inv2", out.get(0).fields().get("invocation"));
        assertEquals("inv1", out.get(0).fields().get("previous_invocation"));
        assertEquals("c", out.get(1).message());
    }

    @Test
    void systemdLinesAboutTheUnitAreEvents() {
        JournalDecoder d = new JournalDecoder("alloy.service");
        LogEntry failed = d.decodeLine("{\"__REALTIME_TIMESTAMP\":\"1\",\"_PID\":\"1\",\"_SYSTEMD_UNIT\":\"init.scope\","
                + "\"UNIT\":\"alloy.service\",\"PRIORITY\":\"4\",\"MESSAGE_ID\":\"d9b373ed55a64feb8242e02dbe79a49c\","
                + "\"UNIT_RESULT\":\"exit-code\",\"MESSAGE\":\"alloy.service: Failed with result 'exit-code'.\"}").get(0);
        assertEquals(LogEntry.Kind.SYSTEMD_EVENT, failed.kind());
        assertEquals("failed", failed.fields().get("event"));
        assertEquals("exit-code", failed.fields().get("unit_result"));
        assertEquals(Level.WARN, failed.level());
        LogEntry restart = d.decodeLine("{\"_PID\":\"1\",\"UNIT\":\"alloy.service\",\"PRIORITY\":\"6\","
                + "\"MESSAGE_ID\":\"5eb03494b6584870a536b337290809b3\",\"N_RESTARTS\":\"3\","
                + "\"MESSAGE\":\"alloy.service: Scheduled restart job, restart counter is at 3.\"}").get(0);
        assertEquals("restart scheduled", restart.fields().get("event"));
        assertEquals("3", restart.fields().get("n_restarts"));
        // about another unit: an ordinary line
        LogEntry other = d.decodeLine("{\"UNIT\":\"cron.service\",\"MESSAGE\":\"Started cron\"}").get(0);
        assertEquals(LogEntry.Kind.LINE, other.kind());
    }

    @Test
    void garbageGivesANotice() {
        LogEntry e = new JournalDecoder("alloy.service").decodeLine("not json").get(0);
        assertEquals(LogEntry.Kind.NOTICE, e.kind());
    }
}
