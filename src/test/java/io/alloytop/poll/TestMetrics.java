package io.alloytop.poll;

import io.alloytop.metrics.Labels;
import io.alloytop.metrics.MetricFamily;
import io.alloytop.metrics.MetricType;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.Sample;
import java.util.ArrayList;
import java.util.List;

/** Builds small MetricsSnapshots directly, so poll tests do not depend on the text parser. */
final class TestMetrics {
    private final List<MetricFamily> families = new ArrayList<>();

    static TestMetrics alloy() {
        return new TestMetrics().labelled("alloy_build_info", 1, "version", "v1.18.0", "goos", "linux");
    }

    TestMetrics set(String name, double value) {
        families.add(new MetricFamily(name, MetricType.UNTYPED, "",
                List.of(new Sample(name, Labels.EMPTY, value, Sample.NO_TIMESTAMP))));
        return this;
    }

    TestMetrics labelled(String name, double value, String... pairs) {
        families.add(new MetricFamily(name, MetricType.GAUGE, "",
                List.of(new Sample(name, Labels.ofPairs(pairs), value, Sample.NO_TIMESTAMP))));
        return this;
    }

    /** A typical Alloy: start time, CPU counter, memory, goroutines, config state. */
    static MetricsSnapshot alloy(double start, double cpuSeconds) {
        return alloy().set("process_start_time_seconds", start).set("process_cpu_seconds_total", cpuSeconds)
                .set("process_resident_memory_bytes", 200e6).set("go_memstats_heap_inuse_bytes", 80e6)
                .set("go_goroutines", 123).set("alloy_config_last_load_successful", 1)
                .set("alloy_config_load_failures_total", 0)
                .labelled("alloy_config_hash", 1, "sha256", "abcdef0123456789", "cluster_name", "")
                .build();
    }

    MetricsSnapshot build() {
        return new MetricsSnapshot(families);
    }
}
