package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {
    private static final String HOSTILE = "a\u001b[2Jb\u0007\u009bc\u2028d\u202ee\u0085\u007f\u0000";

    private static LogEntry entry() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("err", HOSTILE);
        return new LogEntry(Instant.parse("2026-08-21T13:41:07.5Z"), Level.WARN, "comp\u001b]0;x\u0007", HOSTILE, f,
                LogEntry.Kind.LINE, false, null);
    }

    @Test
    void textIsOneSanitisedRow() {
        assertEquals("2026-08-21T13:41:07.500Z warn  comp␛]0;x␇ a␛[2Jb␇\\x9bc<U+2028>d<U+202E>e\\x85␡␀ "
                + "err=a␛[2Jb␇\\x9bc<U+2028>d<U+202E>e\\x85␡␀", LogFormat.text(entry()));
    }

    @Test
    void jsonEscapesEveryControlAndRoundTrips() throws Exception {
        String json = LogFormat.json(entry());
        for (char c : json.toCharArray()) {
            assertFalse(c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x202E,
                    "raw control U+" + Integer.toHexString(c) + " in " + json);
        }
        JsonNode o = new ObjectMapper().readTree(json);
        assertEquals(HOSTILE, o.get("msg").asText());
        assertEquals(HOSTILE, o.get("fields").get("err").asText());
        assertEquals("warn", o.get("level").asText());
        assertEquals("line", o.get("kind").asText());
    }

    @Test
    void kindsAreMarkedInText() {
        LogEntry restart = new LogEntry(Instant.EPOCH, Level.INFO, "", "alloy.service restarted", Map.of(),
                LogEntry.Kind.RESTART, false, null);
        assertEquals("1970-01-01T00:00:00Z info  [restart] alloy.service restarted", LogFormat.text(restart));
    }
}
