package io.alloytop.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Go's time.RFC3339Nano: fraction with trailing zeros trimmed, "Z" only for UTC. */
final class GoTime {
    private static final DateTimeFormatter BASE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private GoTime() {}

    static String rfc3339Nano(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        StringBuilder sb = new StringBuilder(BASE.format(z));
        int nanos = z.getNano();
        if (nanos != 0) {
            String f = String.format("%09d", nanos);
            int end = f.length();
            while (end > 0 && f.charAt(end - 1) == '0') end--;
            sb.append('.').append(f, 0, end);
        }
        ZoneOffset off = z.getOffset();
        sb.append(off.getTotalSeconds() == 0 ? "Z" : off.getId());
        return sb.toString();
    }

    static String utc(Instant t) {
        return rfc3339Nano(t, ZoneOffset.UTC);
    }

    /** Go's Duration.String for small values: "38.412ms", "1.92ms", "1m0s". */
    static String duration(double seconds) {
        if (seconds < 1) {
            String ms = String.format(java.util.Locale.ROOT, "%.6f", seconds * 1000).replaceAll("0+$", "").replaceAll("\\.$", "");
            return ms + "ms";
        }
        long s = (long) seconds;
        if (s < 60) return String.format(java.util.Locale.ROOT, "%s", trim(seconds)) + "s";
        return (s / 60) + "m" + (s % 60) + "s";
    }

    private static String trim(double v) {
        return String.format(java.util.Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
