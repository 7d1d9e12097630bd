package io.alloytop.metrics;

public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED
}
