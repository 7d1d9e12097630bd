package io.alloytop.logs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.alloytop.json.Json;
import io.alloytop.text.Sanitizer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns journal entries in journalctl/gatewayd JSON form into log entries, for one unit. Stateful:
 * it remembers the unit's invocation id so a restart shows as a {@link LogEntry.Kind#RESTART} marker.
 * One decoder per source; not thread-safe.
 */
public final class JournalDecoder {
    /** Shown in place of a MESSAGE the journal sent as null (over 4096 bytes without --all). */
    public static final String TRUNCATED_NOTICE =
            "[message truncated by journald: over 4096 bytes, not included in its JSON output]";

    private static final Map<String, String> EVENTS = Map.of(
            "7d4958e842da4a758f6c1cdc7b36dcc5", "starting",
            "39f53479d3a045ac8e11786248231fbf", "started",
            "be02cf6855d2428ba40df7e9d022f03d", "start failed",
            "de5b426a63be47a7b6ac3eaac82e2f6f", "stopping",
            "9d1aaa27d60140bd96365438aad20286", "stopped",
            "5eb03494b6584870a536b337290809b3", "restart scheduled",
            "7ad2d189f7e94e70a38c781354912448", "succeeded",
            "d9b373ed55a64feb8242e02dbe79a49c", "failed",
            "98e322203f7a4ed290d09fe03c09fe15", "process exited");

    private static final List<String> EVENT_FIELDS = List.of("JOB_RESULT", "EXIT_CODE", "EXIT_STATUS", "UNIT_RESULT", "N_RESTARTS");
    private static final Set<String> WANTED = Set.of("MESSAGE", "__CURSOR", "__REALTIME_TIMESTAMP", "UNIT", "_SYSTEMD_UNIT",
            "_SYSTEMD_INVOCATION_ID", "MESSAGE_ID", "PRIORITY", "JOB_RESULT", "EXIT_CODE", "EXIT_STATUS", "UNIT_RESULT",
            "N_RESTARTS");

    private final String unit;
    private String invocation;

    public JournalDecoder(String unit) {
        this.unit = unit;
    }

    /** Decodes one line of JSON output; a line that is not a JSON object gives a notice entry. */
    public List<LogEntry> decodeLine(String jsonLine) {
        Map<String, String> f = new HashMap<>(16);
        boolean[] messageNull = {false};
        if (!readFields(jsonLine, f, messageNull)) {
            return List.of(notice(Instant.now(), "unreadable journal entry: " + abbreviate(jsonLine)));
        }
        return decode(f, messageNull[0] || !f.containsKey("MESSAGE"));
    }

    private List<LogEntry> decode(Map<String, String> e, boolean truncated) {
        Instant time = realtime(e.get("__REALTIME_TIMESTAMP"));
        String cursor = e.get("__CURSOR");
        String message = truncated ? TRUNCATED_NOTICE : e.get("MESSAGE");

        String aboutUnit = e.get("UNIT");
        String ownUnit = e.get("_SYSTEMD_UNIT");
        if (aboutUnit != null && !aboutUnit.equals(ownUnit) && (unit == null || aboutUnit.equals(unit))) {
            return List.of(systemdEvent(e, time, message, truncated, cursor, aboutUnit));
        }

        LogEntry line = truncated
                ? new LogEntry(time, Level.UNKNOWN, "", message, Map.of(), LogEntry.Kind.LINE, true, cursor)
                : LineParser.parse(message, time, cursor);
        String inv = e.get("_SYSTEMD_INVOCATION_ID");
        if (inv == null || inv.equals(invocation)) return List.of(line);
        String previous = invocation;
        invocation = inv;
        if (previous == null) return List.of(line);
        String who = ownUnit != null ? ownUnit : unit != null ? unit : "the unit";
        LogEntry marker = new LogEntry(time, Level.INFO, "", Sanitizer.line(who) + " restarted (new invocation "
                + Sanitizer.line(inv) + ")", Map.of("invocation", inv, "previous_invocation", previous),
                LogEntry.Kind.RESTART, false, null);
        List<LogEntry> out = new ArrayList<>(2);
        out.add(marker);
        out.add(line);
        return out;
    }

    /**
     * Streams the object, keeping only the fields used: a journal entry carries ~25 fields and
     * building a tree of all of them was most of the cost at 50,000 lines/s.
     */
    private static boolean readFields(String json, Map<String, String> out, boolean[] messageNull) {
        try (JsonParser p = Json.parser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if (!WANTED.contains(name)) {
                    p.skipChildren();
                    continue;
                }
                if (t == JsonToken.VALUE_STRING) {
                    out.put(name, p.getText());
                } else if (t == JsonToken.START_ARRAY) {
                    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(256);
                    while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) b.write(p.getIntValue());
                    out.put(name, Sanitizer.decode(b.toByteArray()));
                } else if (t == JsonToken.VALUE_NULL) {
                    if (name.equals("MESSAGE")) messageNull[0] = true;
                } else {
                    p.skipChildren();
                    if (t.isScalarValue()) out.put(name, p.getText());
                }
            }
            return t == JsonToken.END_OBJECT;
        } catch (IOException e) {
            return false;
        }
    }

    private static LogEntry systemdEvent(Map<String, String> e, Instant time, String message, boolean truncated,
                                         String cursor, String aboutUnit) {
        Map<String, String> fields = new LinkedHashMap<>();
        String id = e.get("MESSAGE_ID");
        String event = id == null ? null : EVENTS.get(id); // Map.of rejects a null key: most unit lines have no MESSAGE_ID
        if (event != null) fields.put("event", event);
        fields.put("unit", aboutUnit);
        for (String k : EVENT_FIELDS) {
            String v = e.get(k);
            if (v != null) fields.put(k.toLowerCase(java.util.Locale.ROOT), v);
        }
        Level level = priority(e.get("PRIORITY"));
        return new LogEntry(time, level, "systemd", message, fields, LogEntry.Kind.SYSTEMD_EVENT, truncated, cursor);
    }

    /** systemd sets PRIORITY properly on its own lines (unlike Alloy's): err and worse is error. */
    static Level priority(String p) {
        if (p == null || p.length() != 1) return Level.INFO;
        int v = p.charAt(0) - '0';
        if (v <= 3) return Level.ERROR;
        if (v == 4) return Level.WARN;
        if (v == 7) return Level.DEBUG;
        return Level.INFO;
    }

    private static Instant realtime(String us) {
        if (us != null) {
            try {
                long v = Long.parseLong(us);
                return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
            } catch (NumberFormatException ignored) {
                // fall through to arrival time
            }
        }
        return Instant.now();
    }

    static LogEntry notice(Instant time, String message) {
        return new LogEntry(time, Level.UNKNOWN, "", message, Map.of(), LogEntry.Kind.NOTICE, false, null);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
