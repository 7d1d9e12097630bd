package io.alloytop.ui.term;

import com.googlecode.lanterna.TextColor;
import java.util.Locale;
import java.util.Map;

/** How many colours to emit, and the conversion of any theme colour down to that. */
public enum ColorProfile {
    TRUECOLOR, C256, C16, NONE;

    /**
     * --color auto: NO_COLOR (any value) wins; TERM=dumb has none; COLORTERM=truecolor is believed
     * only outside screen/tmux (they may not pass 24-bit colour through); otherwise terminfo's
     * max_colors decides, with unknown terminals treated as 16-colour.
     */
    public static ColorProfile detect(String option, Map<String, String> env, Integer maxColors) {
        String o = option == null ? "auto" : option.toLowerCase(Locale.ROOT);
        switch (o) {
            case "truecolor":
            case "24bit": return TRUECOLOR;
            case "256": return C256;
            case "16":
            case "8": return C16;
            case "none":
            case "never": return NONE;
            default: break;
        }
        if (env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) return NONE;
        String term = env.getOrDefault("TERM", "");
        if (term.isEmpty() || term.equals("dumb")) return NONE;
        boolean multiplexer = term.startsWith("screen") || term.startsWith("tmux") || env.containsKey("STY");
        String ct = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (!multiplexer && (ct.equals("truecolor") || ct.equals("24bit"))) return TRUECOLOR;
        if (term.contains("256color") || (maxColors != null && maxColors >= 256)) return C256;
        if (maxColors != null && maxColors < 8 && maxColors >= 0 && !term.equals("linux")) return NONE;
        return C16;
    }

    /** The SGR parameters for a colour in this profile, or null to emit nothing. */
    public String sgr(TextColor c, boolean fg) {
        if (this == NONE || c == null) return null;
        if (c instanceof TextColor.ANSI a) return ansi(a, fg);
        if (c instanceof TextColor.Indexed) {
            if (this == C16) return ansi(nearestAnsi(c.getRed(), c.getGreen(), c.getBlue()), fg);
            return seq(c, fg);
        }
        switch (this) {
            case TRUECOLOR: return (fg ? "38;2;" : "48;2;") + c.getRed() + ";" + c.getGreen() + ";" + c.getBlue();
            case C256: return seq(TextColor.Indexed.fromRGB(c.getRed(), c.getGreen(), c.getBlue()), fg);
            default: return ansi(nearestAnsi(c.getRed(), c.getGreen(), c.getBlue()), fg);
        }
    }

    private static String seq(TextColor c, boolean fg) {
        return new String(fg ? c.getForegroundSGRSequence() : c.getBackgroundSGRSequence(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String ansi(TextColor.ANSI a, boolean fg) {
        if (a == TextColor.ANSI.DEFAULT) return fg ? "39" : "49";
        int ord = a.ordinal();
        int idx = ord < 8 ? ord : ord - 9;
        boolean bright = ord > 8;
        int base = fg ? (bright ? 90 : 30) : (bright ? 100 : 40);
        return String.valueOf(base + idx);
    }

    // xterm's default 16 colours, to pick the closest for 16-colour terminals
    private static final int[][] PALETTE = {
        {0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205}, {229, 229, 229},
        {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255}};

    static TextColor.ANSI nearestAnsi(int r, int g, int b) {
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < 16; i++) {
            long dr = r - PALETTE[i][0], dg = g - PALETTE[i][1], db = b - PALETTE[i][2];
            long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        TextColor.ANSI[] v = TextColor.ANSI.values();
        return v[best < 8 ? best : best + 1];
    }
}
