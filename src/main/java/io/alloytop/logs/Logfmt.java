package io.alloytop.logs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads logfmt as Go's slog TextHandler writes it: {@code key=value} pairs separated by spaces,
 * values quoted with Go string escapes when they hold spaces, quotes or non-printables, and bare
 * keys (no '=') standing for an empty value.
 */
final class Logfmt {
    private Logfmt() {}

    /** The pairs in line order, or null when the line does not start with {@code key=}. */
    static Map<String, String> parse(String line) {
        int n = line.length();
        int pos = 0;
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder();
        while (pos < n) {
            while (pos < n && line.charAt(pos) == ' ') pos++;
            if (pos >= n) break;
            int keyStart = pos;
            while (pos < n) {
                char c = line.charAt(pos);
                if (c == '=' || c == ' ' || c == '"') break;
                pos++;
            }
            String key = line.substring(keyStart, pos);
            if (out.isEmpty() && (key.isEmpty() || pos >= n || line.charAt(pos) != '=')) return null;
            if (pos < n && line.charAt(pos) == '"') {
                // a quote inside a key: not logfmt from here on; keep the rest as one value
                out.merge("_", line.substring(keyStart), (a, b) -> a + " " + b);
                break;
            }
            if (pos >= n || line.charAt(pos) == ' ') {
                if (!key.isEmpty()) out.putIfAbsent(key, "");
                continue;
            }
            pos++; // '='
            String value;
            if (pos < n && line.charAt(pos) == '"') {
                sb.setLength(0);
                pos = unquote(line, pos + 1, sb);
                value = sb.toString();
            } else {
                int vs = pos;
                while (pos < n && line.charAt(pos) != ' ') pos++;
                value = line.substring(vs, pos);
            }
            out.putIfAbsent(key, value);
        }
        return out;
    }

    /** Reads a Go-quoted string body starting after the opening quote; returns the index after the closing one. */
    private static int unquote(String s, int pos, StringBuilder out) {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos++);
            if (c == '"') return pos;
            if (c != '\\' || pos >= n) {
                out.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'a': out.append('\u0007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'v': out.append('\u000B'); break;
                case 'x': pos = hex(s, pos, 2, out, true); break;
                case 'u': pos = hex(s, pos, 4, out, false); break;
                case 'U': pos = hex(s, pos, 8, out, false); break;
                default:
                    if (e >= '0' && e <= '7' && pos + 1 < n) {
                        int v = Integer.parseInt(s.substring(pos - 1, pos + 2), 8) & 0xFF;
                        out.append((char) v);
                        pos += 2;
                    } else {
                        out.append(e); // \" \\ and anything unknown stand for themselves
                    }
            }
        }
        return pos; // unterminated: the rest of the line was the value
    }

    private static int hex(String s, int pos, int digits, StringBuilder out, boolean asByte) {
        if (pos + digits > s.length()) {
            out.append('\uFFFD');
            return s.length();
        }
        try {
            int v = Integer.parseUnsignedInt(s.substring(pos, pos + digits), 16);
            // \xNN in Go is a raw byte, usually part of invalid UTF-8: shown as a replacement char
            if (asByte) out.append(v < 0x80 ? (char) v : '\uFFFD');
            else if (Character.isValidCodePoint(v)) out.appendCodePoint(v);
            else out.append('\uFFFD');
        } catch (NumberFormatException e) {
            out.append('\uFFFD');
        }
        return pos + digits;
    }
}
