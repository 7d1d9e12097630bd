package io.alloytop.metrics;

import java.util.List;

/** A family as exposed: histogram/summary families also hold their _bucket/_sum/_count samples. */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {}
