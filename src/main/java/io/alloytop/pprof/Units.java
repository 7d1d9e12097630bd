package io.alloytop.pprof;

import java.util.Locale;

/** Human-scaled values in the style of pprof's labels: 270ms, 3.03s, 7.21MB, 24. */
public final class Units {
    private Units() {}

    public static String format(long value, String unit) {
        if (unit == null || value == 0) return Long.toString(value);
        return switch (unit) {
            case "nanoseconds", "ns" -> time(value);
            case "bytes", "B" -> bytes(value);
            default -> Long.toString(value);
        };
    }

    static String time(long ns) {
        double a = Math.abs((double) ns);
        if (a == 0) return "0";
        if (a < 1e3) return ns + "ns";
        if (a < 1e6) return num(ns / 1e3) + "us";
        if (a < 1e9) return num(ns / 1e6) + "ms";
        if (a < 60e9) return num(ns / 1e9) + "s";
        if (a < 3600e9) return num(ns / 60e9) + "mins";
        return num(ns / 3600e9) + "hrs";
    }

    static String bytes(long b) {
        double a = Math.abs((double) b);
        if (a < 1024) return b + "B";
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = b / 1024.0;
        int i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return num(v) + units[i];
    }

    private static String num(double v) {
        // like pprof: two decimals, only a ".00" is dropped (1.50MB stays, 1.00MB becomes 1MB)
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }

    /** pprof's percentage column: two decimals, "100%" when within rounding of it. */
    public static String percent(double p) {
        double a = Math.abs(p);
        if (a >= 99.95 && a <= 100.05) return "100%";
        return String.format(Locale.ROOT, "%.2f%%", p);
    }
}
