package io.alloytop.ui.view;

import io.alloytop.poll.SeriesView;

/** The last {@code width} points of a series as block characters; gaps (NaN) stay blank. */
public final class Sparkline {
    private Sparkline() {}

    /**
     * @param floorZero scale from 0 (CPU %) rather than from the series minimum (RSS), so a
     *                  flat 2 % line does not look like a spike
     */
    public static String of(SeriesView v, int width, char[] levels, boolean floorZero) {
        if (width <= 0) return "";
        StringBuilder sb = new StringBuilder(width);
        int n = v.size();
        int start = Math.max(0, n - width);
        for (int i = n - start; i < width; i++) sb.append(' ');
        double lo = floorZero ? 0 : v.min();
        double hi = v.max();
        for (int i = start; i < n; i++) {
            double x = v.values()[i];
            if (Double.isNaN(x)) {
                sb.append(' ');
                continue;
            }
            int level;
            if (Double.isNaN(hi) || hi - lo <= 0) level = hi > 0 ? levels.length / 2 : 0;
            else level = (int) Math.round((x - lo) / (hi - lo) * (levels.length - 1));
            sb.append(levels[Math.max(0, Math.min(levels.length - 1, level))]);
        }
        return sb.toString();
    }
}
