package io.alloytop.logs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alloytop.json.Json;
import io.alloytop.text.Sanitizer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** One entry as a line of text or of JSON, safe to print to a terminal either way. */
public final class LogFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private LogFormat() {}

    /** {@code TIME LEVEL COMPONENT TEXT}, one row, sanitised. */
    public static String text(LogEntry e) {
        StringBuilder b = new StringBuilder(160);
        b.append(TIME.format(e.time())).append(' ');
        String level = e.level() == Level.UNKNOWN ? "-" : e.level().name().toLowerCase(Locale.ROOT);
        b.append(level);
        for (int i = level.length(); i < 5; i++) b.append(' ');
        b.append(' ');
        switch (e.kind()) {
            case SYSTEMD_EVENT: b.append("[systemd] "); break;
            case RESTART: b.append("[restart] "); break;
            case NOTICE: b.append("[alloytop] "); break;
            default: break;
        }
        if (!e.component().isEmpty() && e.kind() == LogEntry.Kind.LINE) b.append(Sanitizer.line(e.component())).append(' ');
        b.append(LogLine.displayText(e));
        return b.toString();
    }

    /**
     * A JSON object with raw text (for scripts), in which every control char, C1 char, bidi control
     * and line separator is a \\u escape, so printing it raw cannot drive a terminal either.
     */
    public static String json(LogEntry e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ts", TIME.format(e.time()));
        o.put("level", e.level().name().toLowerCase(Locale.ROOT));
        o.put("component", e.component());
        o.put("msg", e.message());
        ObjectNode f = o.putObject("fields");
        for (Map.Entry<String, String> kv : e.fields().entrySet()) f.put(kv.getKey(), kv.getValue());
        o.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        if (e.truncated()) o.put("truncated", true);
        if (e.cursor() != null) o.put("cursor", e.cursor());
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = Json.generator(w)) {
            g.setCharacterEscapes(SafeEscapes.INSTANCE);
            Json.write(g, o);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString();
    }

    private static final class SafeEscapes extends CharacterEscapes {
        static final SafeEscapes INSTANCE = new SafeEscapes();
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        private SafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean unsafe = (ch >= 0x80 && ch <= 0x9F) || (ch >= 0x2028 && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069);
            return unsafe ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
