package io.alloytop.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();
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
        Map<String, String> fields = new LinkedHashMap<>(pairs);
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
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (node == null || !node.isObject()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isTextual() ? v.textValue() : v.isNull() ? "" : v.toString());
        }
        return out;
    }

    static Instant parseTime(String ts, Instant fallback) {
        if (ts == null || ts.isEmpty()) return fallback;
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
}
