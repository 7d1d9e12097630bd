package io.alloytop.forward;

import io.alloytop.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Alloy's CPU (percent of one core) and resident memory, from two /metrics samples. Prefers the
 * process_ family and falls back to alloy_resources_ (facts §4.1-4.2).
 */
public record ResourceUse(double cpuPercent, double rssBytes) {
    public static final double CPU_BUDGET_PERCENT = 5.0;
    public static final double RSS_BUDGET_BYTES = 20.0 * 1024 * 1024;

    public static OptionalDouble cpuSeconds(MetricsSnapshot m) {
        OptionalDouble v = m.first("process_cpu_seconds_total");
        return v.isPresent() ? v : m.first("alloy_resources_process_cpu_seconds_total");
    }

    public static OptionalDouble rss(MetricsSnapshot m) {
        OptionalDouble v = m.first("process_resident_memory_bytes");
        return v.isPresent() ? v : m.first("alloy_resources_process_resident_memory_bytes");
    }

    /** Null when either sample lacks the families or no time passed. */
    public static ResourceUse between(MetricsSnapshot a, MetricsSnapshot b, Duration elapsed) {
        OptionalDouble c0 = cpuSeconds(a), c1 = cpuSeconds(b), r = rss(b);
        if (c0.isEmpty() || c1.isEmpty() || r.isEmpty() || elapsed.isZero() || elapsed.isNegative()) return null;
        double secs = elapsed.toNanos() / 1e9;
        return new ResourceUse(Math.max(0, (c1.getAsDouble() - c0.getAsDouble()) / secs * 100.0), r.getAsDouble());
    }

    /** "+1.2 % CPU, +6.1 MB RSS (budget < 5 % CPU, < 20 MB)" with OVER BUDGET when exceeded. */
    public static String compare(ResourceUse before, ResourceUse after) {
        if (before == null || after == null) return "overhead: not measured";
        double dc = after.cpuPercent - before.cpuPercent;
        double dm = after.rssBytes - before.rssBytes;
        boolean over = dc >= CPU_BUDGET_PERCENT || dm >= RSS_BUDGET_BYTES;
        return String.format(java.util.Locale.ROOT,
                "Alloy CPU %.1f %% -> %.1f %% (%+.1f), RSS %.1f MB -> %.1f MB (%+.1f MB); budget < %.0f %% CPU, < %.0f MB%s",
                before.cpuPercent, after.cpuPercent, dc, before.rssBytes / 1048576, after.rssBytes / 1048576, dm / 1048576,
                CPU_BUDGET_PERCENT, RSS_BUDGET_BYTES / 1048576, over ? " - OVER BUDGET" : " - within budget");
    }
}
