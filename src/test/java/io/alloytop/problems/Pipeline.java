package io.alloytop.problems;

import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import io.alloytop.metrics.Labels;
import io.alloytop.metrics.MetricFamily;
import io.alloytop.metrics.MetricType;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.Sample;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.ConfigState;
import io.alloytop.poll.Stats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small simulated pipeline (journal → loki.write, scrape → remote_write, pyroscope) whose
 * counters advance per poll, with switches for the incidents the detector must catch.
 */
final class Pipeline {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    Duration interval = Duration.ofSeconds(2);
    double start = 1_763_800_000;
    final Map<String, Double> counters = new LinkedHashMap<>();
    final Map<String, HealthState> health = new HashMap<>();
    final Map<String, String> messages = new HashMap<>();
    boolean rwStalled, lokiStalled, lokiDrops, rw401, configOk = true;
    double loadFailures;
    double lag = 5;
    double lagGrowth;
    int poll;
    JsonNode scrapeDebug;

    AlloySnapshot next() {
        now = now.plus(interval);
        poll++;
        double dt = interval.toMillis() / 1000.0;
        add("loki_source_journal_target_lines_total", "loki.source.journal.alloy", 50 * dt);
        if (!lokiStalled) add("loki_write_sent_entries_total", "loki.write.cloud", 50 * dt);
        if (lokiDrops) add("loki_write_dropped_entries_total", "loki.write.cloud", 5 * dt);
        else add("loki_write_dropped_entries_total", "loki.write.cloud", 0);
        add("prometheus_forwarded_samples_total", "prometheus.scrape.self", 1000 * dt);
        add("prometheus_remote_write_wal_samples_appended_total", "prometheus.remote_write.cloud", 1000 * dt);
        if (!rwStalled && !rw401) add("prometheus_remote_storage_samples_total", "prometheus.remote_write.cloud", 1000 * dt);
        if (rw401) {
            add("prometheus_remote_storage_samples_failed_total", "prometheus.remote_write.cloud", 100 * dt);
            add("prometheus_remote_storage_samples_retried_total", "prometheus.remote_write.cloud", 300 * dt);
        }
        // pyroscope.write sends a batch every 15 s, as it does behind a default pyroscope.scrape.
        if (poll % 8 == 0) add("pyroscope_write_sent_profiles_total", "pyroscope.write.cloud", 5);
        else add("pyroscope_write_sent_profiles_total", "pyroscope.write.cloud", 0);
        lag += lagGrowth;
        return snapshot();
    }

    void restart() {
        start += 1000;
        counters.replaceAll((k, v) -> 0.0);
    }

    private void add(String name, String id, double d) {
        counters.merge(name + "|" + id, d, Double::sum);
    }

    private Component comp(String name, String label, List<String> flowsTo) {
        String id = name + "." + label;
        HealthState st = health.getOrDefault(id, HealthState.HEALTHY);
        JsonNode debug = name.equals("prometheus.scrape") ? scrapeDebug : null;
        return new Component(name, id, "", label, List.of(), List.of(), flowsTo,
                new Health(st, messages.getOrDefault(id, "started component"), "2026-11-22T09:00:00Z"),
                null, null, debug, List.of(), false);
    }

    AlloySnapshot snapshot() {
        List<Component> comps = List.of(
                comp("loki.source.journal", "alloy", List.of("loki.write.cloud")),
                comp("loki.write", "cloud", List.of()),
                comp("prometheus.scrape", "self", List.of("prometheus.remote_write.cloud")),
                comp("prometheus.remote_write", "cloud", List.of()),
                comp("pyroscope.scrape", "self", List.of("pyroscope.write.cloud")),
                comp("pyroscope.write", "cloud", List.of()));
        Map<String, List<Sample>> byName = new LinkedHashMap<>();
        counters.forEach((k, v) -> {
            String[] p = k.split("\\|");
            byName.computeIfAbsent(p[0], x -> new ArrayList<>()).add(new Sample(p[0],
                    Labels.ofPairs("component_id", p[1], "component_path", "/"), v, Sample.NO_TIMESTAMP));
        });
        double nowSec = now.getEpochSecond();
        byName.put(FlowMetrics.RW_HIGHEST_IN, List.of(new Sample(FlowMetrics.RW_HIGHEST_IN,
                Labels.ofPairs("component_id", "prometheus.remote_write.cloud"), nowSec, Sample.NO_TIMESTAMP)));
        byName.put(FlowMetrics.RW_HIGHEST_SENT, List.of(new Sample(FlowMetrics.RW_HIGHEST_SENT,
                Labels.ofPairs("component_id", "prometheus.remote_write.cloud", "url", "https://x"), nowSec - lag,
                Sample.NO_TIMESTAMP)));
        List<MetricFamily> fams = new ArrayList<>();
        byName.forEach((n, s) -> fams.add(new MetricFamily(n, MetricType.COUNTER, "", s)));
        return new AlloySnapshot(now, "http://127.0.0.1:12345", null, now, "v1.18.0", true, true, start,
                new ConfigState(configOk, loadFailures, "abcdef0123456789", nowSec), comps, null, Stats.UNKNOWN,
                Map.of(), new MetricsSnapshot(fams), 0);
    }
}
