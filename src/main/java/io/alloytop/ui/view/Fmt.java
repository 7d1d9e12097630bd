package io.alloytop.ui.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Short, fixed-ish width numbers for a crowded screen. */
public final class Fmt {
    private Fmt() {}

    public static String bytes(double b) {
        if (Double.isNaN(b)) return "–";
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return (b >= 100 || u == 0 ? String.format(Locale.ROOT, "%.0f", b) : String.format(Locale.ROOT, "%.1f", b)) + " " + units[u];
    }

    public static String percent(double p) {
        if (Double.isNaN(p)) return "–";
        return p >= 100 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    public static String count(double n) {
        if (Double.isNaN(n)) return "–";
        if (n >= 1e6) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 1e4) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        return String.format(Locale.ROOT, "%.0f", n);
    }

    /** 5s, 3m, 2h, 4d: the largest unit only, for table cells. */
    public static String age(Instant from, Instant now) {
        if (from == null || now == null) return "–";
        long s = Math.max(0, Duration.between(from, now).getSeconds());
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m";
        if (s < 86400) return (s / 3600) + "h";
        return (s / 86400) + "d";
    }

    /** 3d4h, 5h12m, 7m3s: two units, for the header. */
    public static String uptime(long s) {
        if (s < 0) return "–";
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + (s % 60) + "s";
        if (s < 86400) return (s / 3600) + "h" + (s % 3600 / 60) + "m";
        return (s / 86400) + "d" + (s % 86400 / 3600) + "h";
    }
}
