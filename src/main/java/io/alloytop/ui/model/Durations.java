package io.alloytop.ui.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations for `:interval` (500ms, 2s, 1m30s); null when the text is not one. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text) {
        String v = text.trim();
        if (v.isEmpty()) return null;
        if (v.matches("\\d+(\\.\\d+)?")) return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        Matcher m = PART.matcher(v);
        int pos = 0;
        double ms = 0;
        while (pos < v.length() && m.find(pos) && m.start() == pos) {
            double n = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "ms": ms += n; break;
                case "s": ms += n * 1e3; break;
                case "m": ms += n * 6e4; break;
                default: ms += n * 3.6e6; break;
            }
            pos = m.end();
        }
        return pos == v.length() ? Duration.ofMillis(Math.round(ms)) : null;
    }

    /** Short human form: 500ms, 2s, 1m30s. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + "ms";
        if (ms % 1000 != 0) return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        long s = ms / 1000;
        if (s < 60) return s + "s";
        return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
}
