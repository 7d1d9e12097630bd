package io.alloytop.pipeline;

import java.util.Locale;

/** Compact rates for narrow columns: 0/s, 0.5/s, 12/s, 1.2k/s, 34k/s, 1.2M/s. */
public final class Rates {
    private Rates() {}

    public static String perSecond(double v) {
        if (Double.isNaN(v)) return "?";
        if (v == 0) return "0/s";
        if (v < 10) return String.format(Locale.ROOT, "%.1f/s", v);
        if (v < 1000) return String.format(Locale.ROOT, "%.0f/s", v);
        if (v < 10_000) return String.format(Locale.ROOT, "%.1fk/s", v / 1000);
        if (v < 1_000_000) return String.format(Locale.ROOT, "%.0fk/s", v / 1000);
        return String.format(Locale.ROOT, "%.1fM/s", v / 1_000_000);
    }
}
