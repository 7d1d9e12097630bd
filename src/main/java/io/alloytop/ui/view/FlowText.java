package io.alloytop.ui.view;

import java.util.Locale;

/** Rates as the tables and detail show them: "1.2k/s", "0/s", "–" when not measured. */
final class FlowText {
    private FlowText() {}

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) return "–";
        double v = Math.abs(perSecond);
        if (v == 0) return "0/s";
        if (v < 10) return String.format(Locale.ROOT, "%.1f/s", perSecond);
        if (v < 1000) return String.format(Locale.ROOT, "%.0f/s", perSecond);
        if (v < 1_000_000) return String.format(Locale.ROOT, "%.1fk/s", perSecond / 1000);
        return String.format(Locale.ROOT, "%.1fM/s", perSecond / 1_000_000);
    }

    /** A rate with its unit ("samples", "entries"): "1.2k samples/s". */
    static String rate(double perSecond, String unit) {
        String r = rate(perSecond);
        if (r.equals("–") || unit == null || unit.isEmpty()) return r;
        return r.substring(0, r.length() - 2) + " " + unit + "/s";
    }
}
