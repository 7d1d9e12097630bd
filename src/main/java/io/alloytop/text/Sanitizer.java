package io.alloytop.text;

import java.nio.charset.StandardCharsets;

/**
 * Makes any text inert for a terminal while keeping it readable. Every control character is
 * replaced by something visible, so an escape sequence shows as text ({@code ␛[2J}) instead of
 * acting:
 * <ul>
 *   <li>C0 controls U+0000–U+001F become their Control Pictures (U+2400–U+241F: ␀ ␇ ␈ ␍ ␛ …),
 *       DEL becomes ␡; newline and tab follow the {@link Newlines} and tab settings;</li>
 *   <li>8-bit C1 controls U+0080–U+009F (U+009B is a one-char CSI on many terminals) become {@code \x9b};</li>
 *   <li>bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the line/paragraph
 *       separators become {@code <U+202E>}, so text cannot reorder what is drawn after it;</li>
 *   <li>lone surrogates become U+FFFD; for raw bytes, {@link #bytes} decodes invalid UTF-8 to U+FFFD.</li>
 * </ul>
 * The output never holds a char below U+0020 (except '\n' in {@link Newlines#KEEP} mode), U+007F or
 * U+0080–U+009F. Text that needs no change is returned as the same instance without copying.
 */
public final class Sanitizer {
    /** What a line break becomes. */
    public enum Newlines {
        /** Replaced with ⏎ so one entry stays on one row. */
        SYMBOL,
        /** Kept as '\n' (a CR before it is dropped) for detail views that wrap lines themselves. */
        KEEP
    }

    private static final Sanitizer LINE = new Sanitizer(Newlines.SYMBOL, 4);
    private static final Sanitizer MULTILINE = new Sanitizer(Newlines.KEEP, 4);

    private final Newlines newlines;
    private final int tabWidth;

    /**
     * @param tabWidth tab stops every tabWidth columns (counted from the start of the line); 0 shows
     *                 a tab as the visible picture ␉
     */
    public Sanitizer(Newlines newlines, int tabWidth) {
        if (tabWidth < 0) throw new IllegalArgumentException("tabWidth < 0");
        this.newlines = newlines;
        this.tabWidth = tabWidth;
    }

    /** Single-line mode: newlines become ⏎, tabs expand to 4-column stops. */
    public static String line(String s) {
        return LINE.apply(s);
    }

    /** Multi-line mode: newlines kept, tabs expand to 4-column stops. */
    public static String multiline(String s) {
        return MULTILINE.apply(s);
    }

    /** Decodes bytes as UTF-8 (each invalid sequence becomes U+FFFD), then sanitises in single-line mode. */
    public static String bytes(byte[] raw) {
        return line(decode(raw));
    }

    /** UTF-8 with U+FFFD for malformed input; never throws. */
    public static String decode(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** Sanitises s with this instance's settings; null becomes "". */
    public String apply(String s) {
        if (s == null) return "";
        int n = s.length();
        int i = 0;
        while (i < n && isSafe(s.charAt(i), s, i)) i++;
        if (i == n) return s;
        StringBuilder b = new StringBuilder(n + 16);
        b.append(s, 0, i);
        int lineStart = 0; // index in b where the current output line starts, for tab stops
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (isSafe(c, s, i)) {
                b.append(c);
                continue;
            }
            switch (c) {
                case '\n':
                    if (newlines == Newlines.KEEP) {
                        b.append('\n');
                        lineStart = b.length();
                    } else {
                        b.append('⏎');
                    }
                    break;
                case '\r':
                    if (i + 1 < n && s.charAt(i + 1) == '\n') break; // CRLF: the LF speaks for both
                    b.append('␍');
                    break;
                case '\t':
                    if (tabWidth == 0) {
                        b.append('␉');
                    } else {
                        int col = DisplayWidth.of(b, lineStart, b.length());
                        int spaces = tabWidth - col % tabWidth;
                        for (int k = 0; k < spaces; k++) b.append(' ');
                    }
                    break;
                default:
                    appendVisible(b, c);
            }
        }
        return b.toString();
    }

    private static void appendVisible(StringBuilder b, char c) {
        if (c < 0x20) {
            b.append((char) (0x2400 + c));
        } else if (c == 0x7F) {
            b.append('␡');
        } else if (c <= 0x9F) {
            b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
        } else if (Character.isSurrogate(c)) {
            b.append('\uFFFD');
        } else {
            b.append("<U+").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('>');
        }
    }

    /** True for chars passed through unchanged; a surrogate is safe only as half of a valid pair. */
    private static boolean isSafe(char c, String s, int i) {
        if (c >= 0x20 && c < 0x7F) return true;
        if (c < 0xA0) return false;
        if (c < 0x2028) return true;
        if (c <= 0x202E) return false; // U+2028/2029 separators, U+202A–U+202E embeddings/overrides
        if (c >= 0x2066 && c <= 0x2069) return false; // isolates
        if (c < 0xD800 || c > 0xDFFF) return true;
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)); // low half right after a high half
    }

    /** Whether {@link #line} would return s unchanged (cheap check for callers that cache). */
    public static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) if (!isSafe(s.charAt(i), s, i)) return false;
        return true;
    }
}
