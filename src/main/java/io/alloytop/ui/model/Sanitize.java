package io.alloytop.ui.model;

/**
 * Makes Alloy-provided text inert before it reaches the terminal: control characters (C0, DEL, C1)
 * become visible symbols, so an ESC in a health message can never move the cursor or set a title.
 * TODO: switch call sites to io.alloytop.text.Sanitizer when the logs helper's version lands in main.
 */
public final class Sanitize {
    private Sanitize() {}

    public static String line(String s) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = replacement(c);
            if (rep == null) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8);
                sb.append(s, 0, i);
            }
            sb.append(rep);
        }
        return sb == null ? s : sb.toString();
    }

    private static String replacement(char c) {
        if (c == 0x1b) return "␛";
        if (c == '\t') return " ";
        if (c == '\n') return "␤";
        if (c < 0x20) return String.valueOf((char) (0x2400 + c));
        if (c == 0x7f) return "␡";
        if (c >= 0x80 && c <= 0x9f) return "�";
        // bidi overrides and isolates could reorder what the user reads
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return "�";
        return null;
    }
}
