package io.alloytop.problems;

/**
 * What one component moved during the last poll interval, per second. NaN = not measured
 * (no such metric for this type, or no previous sample to rate against).
 *
 * @param unit       what is counted ("samples", "entries", ...)
 * @param outHistory recent out rates, oldest first, for the detail view's sparkline
 */
public record ComponentFlow(String componentId, String unit, double inRate, double outRate, double failedRate,
                            double retryRate, double lagSeconds, double pending, double[] outHistory) {}
