package io.alloytop.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.json.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one line of Alloy's output into a {@link LogEntry}: logfmt (Alloy's default), JSON
 * ({@code logging { format = "json" }}), or anything else kept whole as plain text.
 */
public final class LineParser {
    private static final String[] COMPONENT_KEYS = {"component_id", "node_id", "service"};

    private LineParser() {}

    /**
     * @param text     the line (may hold newlines when the source keeps a multi-line entry together)
     * @param fallback the time to use when the text has no valid ts (journal time or arrival)
     * @param cursor   passed through to the entry; null outside the journal
     */
    public static LogEntry parse(String text, Instant fallback, String cursor) {
        if (text == null) text = "";
        Map<String, String> pairs = null;
        if (!text.isEmpty() && text.charAt(0) == '{') pairs = json(text);
        if (pairs == null && looksLikeLogfmt(text)) {
            pairs = Logfmt.parse(text);
            if (pairs != null && !pairs.containsKey("level") && !pairs.containsKey("msg") && !pairs.containsKey("ts")) {
                pairs = null;
            }
        }
        if (pairs == null) return plain(text, fallback, cursor);
        Map<String, String> fields = pairs; // a fresh map from either reader: ours to trim
        Instant time = parseTime(fields.remove("ts"), fallback);
        Level level = Level.parse(fields.remove("level"));
        String msg = fields.remove("msg");
        String component = "";
        for (String k : COMPONENT_KEYS) {
            String v = fields.get(k);
            if (v != null && !v.isEmpty()) {
                component = v;
                fields.remove(k);
                break;
            }
        }
        return new LogEntry(time, level, component, msg == null ? "" : msg,
                fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(fields), LogEntry.Kind.LINE, false, cursor);
    }

    /** A panic or fatal error is what a plain line most often is; everything else has no level. */
    private static LogEntry plain(String text, Instant fallback, String cursor) {
        Level level = text.startsWith("panic:") || text.startsWith("fatal error:") ? Level.ERROR : Level.UNKNOWN;
        return new LogEntry(fallback, level, "", text, Map.of(), LogEntry.Kind.LINE, false, cursor);
    }

    private static boolean looksLikeLogfmt(String text) {
        int eq = text.indexOf('=');
        return eq > 0 && eq < 64 && text.lastIndexOf(' ', eq) < 0;
    }

    private static Map<String, String> json(String text) {
        JsonNode node;
        try {
            node = Json.read(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (node == null || !node.isObject()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isTextual() ? v.textValue() : v.isNull() ? "" : Json.write(v));
        }
        return out;
    }

    static Instant parseTime(String ts, Instant fallback) {
        if (ts == null || ts.isEmpty()) return fallback;
        Instant fast = parseUtc(ts);
        if (fast != null) return fast;
        try {
            return Instant.parse(ts);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(ts).toInstant();
            } catch (DateTimeParseException e2) {
                return fallback;
            }
        }
    }

    /**
     * Reads Alloy's own form, {@code 2026-08-21T13:41:07.553912Z} (UTC, 0-9 fraction digits), without
     * java.time's general parser, which allocated ~1.8 KB per line and dominated a 50k lines/s burst.
     * Anything else gives null and goes the general way.
     */
    static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), min = digits(s, 14, 2), sec = digits(s, 17, 2);
        if ((year | month | day | hour | min | sec) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || min > 59 || sec > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) return null;
            int frac = n - 21;
            int v = digits(s, 20, frac);
            if (v < 0) return null;
            for (int i = frac; i < 9; i++) v *= 10;
            nanos = v;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + min * 60L + sec, nanos);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
