package io.alloytop.logs;

import io.alloytop.text.Sanitizer;
import java.util.Map;

/**
 * A stored entry with its sequence number (0-based, counting every entry the buffer ever took)
 * and its one-row display text: the message then the fields as {@code key=value}, sanitised, so
 * the UI can draw it as is and search positions refer to what is on screen.
 */
public record LogLine(long seq, LogEntry entry, String text) {
    public static LogLine of(long seq, LogEntry entry) {
        return new LogLine(seq, entry, displayText(entry));
    }

    /** Message and fields on one row, safe for a terminal (controls visible, newlines as ⏎). */
    public static String displayText(LogEntry e) {
        Map<String, String> fields = e.fields();
        if (fields.isEmpty()) return Sanitizer.line(e.message());
        StringBuilder b = new StringBuilder(e.message().length() + 16 * fields.size());
        b.append(e.message());
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (b.length() > 0) b.append(' ');
            b.append(f.getKey()).append('=');
            String v = f.getValue();
            if (v.isEmpty() || v.indexOf(' ') >= 0 || v.indexOf('"') >= 0) {
                b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return Sanitizer.line(b.toString());
    }
}
