package io.alloytop.metrics;

/** One sample line: {@code name{labels} value [timestampMs]}; timestampMs is Long.MIN_VALUE when absent. */
public record Sample(String name, Labels labels, double value, long timestampMs) {
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
}
