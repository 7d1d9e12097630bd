package io.alloytop.ui.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.alloytop.alloy.HealthState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the theme format: one {@code key = value} per line, {@code #} comments, blank lines ignored.
 * <pre>
 *   base.fg = #d0d0d0          # hex, a name (red, bright_red, default) or a 256-colour index
 *   table.selected.bg = 24
 *   table.selected.attrs = bold, reverse
 *   health.unhealthy.symbol = [!!]
 * </pre>
 * Keys not set fall back to the theme given as {@code parent}, so a user file may set only a few.
 * Errors never throw: each names the file, line and key, and the caller falls back to the default.
 */
public final class ThemeParser {
    private static final String[] NAMES = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

    private ThemeParser() {}

    public record Parsed(Theme theme, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Parsed parse(String name, String source, String text, Theme parent) {
        Map<Element, Style> styles = new EnumMap<>(Element.class);
        Map<HealthState, String> symbols = new EnumMap<>(HealthState.class);
        if (parent != null) {
            styles.putAll(parent.styles());
            symbols.putAll(parent.symbols());
        }
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            String where = source + ":" + (i + 1);
            if (eq < 0) {
                errors.add(where + ": expected `key = value`, got `" + line + "`");
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            String err = apply(key, value, styles, symbols);
            if (err != null) errors.add(where + ": " + key + ": " + err);
        }
        return new Parsed(new Theme(name, styles, symbols), List.copyOf(errors));
    }

    /** '#' starts a comment only at the line start or after whitespace, so `#ff0000` is a colour. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                String rest = line.substring(i + 1);
                if (i > 0 && rest.matches("[0-9a-fA-F]{6}\\b.*")) continue;
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String apply(String key, String value, Map<Element, Style> styles, Map<HealthState, String> symbols) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) return "unknown key (expected ELEMENT.fg, .bg, .attrs or health.STATE.symbol)";
        String elementKey = key.substring(0, dot);
        String prop = key.substring(dot + 1);
        if (prop.equals("symbol") && elementKey.startsWith("health.")) {
            HealthState s = stateOf(elementKey.substring("health.".length()));
            if (s == null) return "unknown health state";
            symbols.put(s, unquote(value));
            return null;
        }
        Element e = Element.byKey(elementKey);
        if (e == null) return "unknown element `" + elementKey + "`";
        Style cur = styles.getOrDefault(e, Style.PLAIN);
        switch (prop) {
            case "fg":
            case "bg": {
                TextColor c;
                try {
                    c = parseColor(value);
                } catch (IllegalArgumentException ex) {
                    return ex.getMessage();
                }
                styles.put(e, prop.equals("fg") ? cur.withFg(c) : cur.withBg(c));
                return null;
            }
            case "attrs": {
                EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
                for (String a : value.split("[,\\s]+")) {
                    if (a.isEmpty() || a.equals("none")) continue;
                    SGR sgr = attr(a);
                    if (sgr == null) return "unknown attribute `" + a + "` (bold, reverse, underline, italic, none)";
                    set.add(sgr);
                }
                styles.put(e, cur.withSgr(set));
                return null;
            }
            default:
                return "unknown property `" + prop + "` (fg, bg, attrs)";
        }
    }

    private static HealthState stateOf(String s) {
        for (HealthState h : HealthState.values()) if (h.label().equals(s)) return h;
        return null;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) return v.substring(1, v.length() - 1);
        return v;
    }

    private static SGR attr(String a) {
        switch (a.toLowerCase(Locale.ROOT)) {
            case "bold": return SGR.BOLD;
            case "reverse": return SGR.REVERSE;
            case "underline": return SGR.UNDERLINE;
            case "italic": return SGR.ITALIC;
            default: return null;
        }
    }

    /** Parses {@code #rrggbb}, a colour name, {@code default}, or an index 0-255. */
    public static TextColor parseColor(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("default")) return TextColor.ANSI.DEFAULT;
        if (s.matches("#[0-9a-f]{6}")) {
            return new TextColor.RGB(Integer.parseInt(s.substring(1, 3), 16),
                    Integer.parseInt(s.substring(3, 5), 16), Integer.parseInt(s.substring(5, 7), 16));
        }
        if (s.matches("\\d{1,3}")) {
            int n = Integer.parseInt(s);
            if (n > 255) throw new IllegalArgumentException("colour index " + n + " is out of 0-255");
            return n < 16 ? TextColor.ANSI.values()[ansiOrdinal(n)] : new TextColor.Indexed(n);
        }
        String base = s.replace('-', '_');
        boolean bright = false;
        if (base.startsWith("bright_")) {
            bright = true;
            base = base.substring("bright_".length());
        }
        if (base.equals("gray") || base.equals("grey")) {
            return bright ? TextColor.ANSI.WHITE : TextColor.ANSI.BLACK_BRIGHT;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(base)) return TextColor.ANSI.values()[ansiOrdinal(bright ? i + 8 : i)];
        }
        throw new IllegalArgumentException("`" + v + "` is not a colour (#rrggbb, 0-255, default, or a name such as red, bright_blue)");
    }

    /** Lanterna's ANSI enum lists BLACK..WHITE, then DEFAULT, then the bright ones. */
    private static int ansiOrdinal(int index16) {
        TextColor.ANSI[] all = TextColor.ANSI.values();
        String want = index16 < 8 ? NAMES[index16].toUpperCase(Locale.ROOT)
                : NAMES[index16 - 8].toUpperCase(Locale.ROOT) + "_BRIGHT";
        for (TextColor.ANSI a : all) if (a.name().equals(want)) return a.ordinal();
        throw new IllegalStateException(want);
    }
}
