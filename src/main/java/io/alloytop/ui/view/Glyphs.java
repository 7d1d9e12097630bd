package io.alloytop.ui.view;

/**
 * The characters that differ between a UTF-8 terminal and --ascii (or a non-UTF-8 locale):
 * sparkline blocks, separators, markers. Block characters rather than braille: they render in
 * the Linux console and most fonts.
 */
public record Glyphs(boolean ascii, char[] spark, String sep, String ellipsis, String up, String down,
                     char hline, String bullet, String warn) {
    public static final Glyphs UNICODE = new Glyphs(false, "▁▂▃▄▅▆▇█".toCharArray(), "│", "…", "▲", "▼", '─', "●", "⚠");
    public static final Glyphs ASCII = new Glyphs(true, "_.-=+*#@".toCharArray(), "|", "~", "^", "v", '-', "*", "!");

    public static Glyphs of(boolean ascii) {
        return ascii ? ASCII : UNICODE;
    }

    /** Replaces anything outside printable ASCII, for terminals that cannot draw it. */
    public static String asciiOnly(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 0x20 && c < 0x7f;
            if (ok && sb == null) continue;
            if (sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            sb.append(ok ? c : mapped(c));
        }
        return sb == null ? s : sb.toString();
    }

    private static char mapped(char c) {
        switch (c) {
            case '●': return '*';
            case '✖': return 'x';
            case '■': return '#';
            case '│': return '|';
            case '─': return '-';
            case '…': return '~';
            case '▲': return '^';
            case '▼': return 'v';
            case '↑': return '^';
            case '↓': return 'v';
            case '←': return '<';
            case '→': return '>';
            case '·': return '.';
            case '–': return '-';
            case '⚠': return '!';
            default: return Character.isLowSurrogate(c) ? '\0' : '?';
        }
    }
}
