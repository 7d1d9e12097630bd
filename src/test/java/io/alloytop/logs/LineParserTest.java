package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineParserTest {
    private static final Instant FALLBACK = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void alloyLogfmtWithComponent() {
        LogEntry e = LineParser.parse("ts=2026-08-21T13:42:10.117Z level=warn msg=\"Failed to send batch, retrying\" "
                + "component_path=/ component_id=prometheus.remote_write.default subcomponent=rw "
                + "err=\"server returned HTTP status 401 Unauthorized: \\\"bad\\\"\"", FALLBACK, "c1");
        assertEquals(Instant.parse("2026-08-21T13:42:10.117Z"), e.time());
        assertEquals(Level.WARN, e.level());
        assertEquals("prometheus.remote_write.default", e.component());
        assertEquals("Failed to send batch, retrying", e.message());
        assertEquals(List.of("component_path", "subcomponent", "err"), List.copyOf(e.fields().keySet()));
        assertEquals("server returned HTTP status 401 Unauthorized: \"bad\"", e.fields().get("err"));
        assertEquals("c1", e.cursor());
        assertEquals(LogEntry.Kind.LINE, e.kind());
    }

    @Test
    void nodeIdThenServiceStandForTheComponent() {
        LogEntry n = LineParser.parse("ts=2026-08-21T13:41:07.553912Z level=info msg=\"finished node evaluation\" "
                + "controller_path=/ controller_id=\"\" node_id=prometheus.remote_write.default duration=1.92ms", FALLBACK, null);
        assertEquals("prometheus.remote_write.default", n.component());
        assertEquals("", n.fields().get("controller_id"));
        assertEquals(Instant.parse("2026-08-21T13:41:07.553912Z"), n.time());
        LogEntry s = LineParser.parse("ts=2026-08-21T13:45:00.001Z level=error msg=\"failed to reload config\" service=http", FALLBACK, null);
        assertEquals("http", s.component());
        assertEquals(Level.ERROR, s.level());
    }

    @Test
    void goEscapesAndBareKeys() {
        LogEntry e = LineParser.parse("level=debug msg=\"a\\tb\\nc \\x1b[31m \\u00e9 \\U0001F600\" flag other=1", FALLBACK, null);
        assertEquals("a\tb\nc \u001b[31m é 😀", e.message());
        assertEquals(Map.of("flag", "", "other", "1"), e.fields());
        assertEquals(FALLBACK, e.time());
    }

    @Test
    void unterminatedQuoteKeepsTheRest() {
        LogEntry e = LineParser.parse("level=info msg=\"never closed", FALLBACK, null);
        assertEquals("never closed", e.message());
    }

    @Test
    void jsonLines() {
        LogEntry e = LineParser.parse("{\"ts\":\"2026-08-21T13:41:07.553912Z\",\"level\":\"info\",\"msg\":\"now listening for http traffic\","
                + "\"service\":\"http\",\"addr\":\"127.0.0.1:12345\",\"n\":3,\"nested\":{\"a\":1}}", FALLBACK, null);
        assertEquals(Level.INFO, e.level());
        assertEquals("http", e.component());
        assertEquals("now listening for http traffic", e.message());
        assertEquals(List.of("addr", "n", "nested"), List.copyOf(e.fields().keySet()));
        assertEquals("3", e.fields().get("n"));
        assertEquals("{\"a\":1}", e.fields().get("nested"));
    }

    @Test
    void plainTextFallback() {
        LogEntry p = LineParser.parse("panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:", FALLBACK, null);
        assertEquals(Level.ERROR, p.level());
        assertEquals("panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:", p.message());
        LogEntry t = LineParser.parse("some words with a=b later", FALLBACK, null);
        assertEquals(Level.UNKNOWN, t.level());
        assertEquals("some words with a=b later", t.message());
        assertEquals(FALLBACK, t.time());
        LogEntry j = LineParser.parse("{not json", FALLBACK, null);
        assertEquals("{not json", j.message());
        assertEquals("", LineParser.parse("", FALLBACK, null).message());
        assertEquals("", LineParser.parse(null, FALLBACK, null).message());
    }

    @Test
    void logfmtWithoutKnownKeysIsPlain() {
        LogEntry e = LineParser.parse("a=1 b=2", FALLBACK, null);
        assertEquals("a=1 b=2", e.message());
        assertEquals(Map.of(), e.fields());
    }

    @Test
    void badTimestampFallsBack() {
        LogEntry e = LineParser.parse("ts=yesterday level=info msg=x", FALLBACK, null);
        assertEquals(FALLBACK, e.time());
        assertFalse(e.truncated());
        assertEquals(Instant.parse("2026-08-21T11:00:00Z"),
                LineParser.parse("ts=2026-08-21T13:00:00+02:00 level=info msg=x", FALLBACK, null).time());
    }

    @Test
    void fastUtcTimesAgreeWithJavaTime() {
        for (String ts : new String[] {"2026-08-21T13:41:07Z", "2026-08-21T13:41:07.5Z", "2026-08-21T13:41:07.553912Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00.000Z", "2026-12-31T00:00:00.1234Z"}) {
            assertEquals(Instant.parse(ts), LineParser.parseUtc(ts), ts);
        }
        for (String bad : new String[] {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-08-21T24:00:00Z",
                "2026-08-21T13:41:07.Z", "2026-08-21T13:41:07+02:00", "2026-08-21 13:41:07Z", "2026-08-21T13:41:07.1234567890Z",
                "2026-0a-21T13:41:07Z"}) {
            assertEquals(null, LineParser.parseUtc(bad), bad);
        }
        assertEquals(FALLBACK, LineParser.parseTime("2026-02-30T00:00:00Z", FALLBACK));
    }
}
