package io.alloytop.poll;

/**
 * Resource figures of one poll. Any figure may be NaN when unknown (first poll for rates,
 * a family missing on an older Alloy, host figures for a remote Alloy).
 */
public record Stats(
        double alloyCpuPercent,     // % of one core, from the rate of process_cpu_seconds_total
        double alloyRssBytes,
        double goHeapInuseBytes,
        double goroutines,
        double hostCpuPercent,      // % of all cores, local Alloy only (/proc/stat)
        double hostMemUsedBytes,    // local only (/proc/meminfo: MemTotal - MemAvailable)
        double hostMemTotalBytes,
        double selfCpuPercent,      // alloytop's own
        double selfRssBytes) {

    public static final Stats UNKNOWN = new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
