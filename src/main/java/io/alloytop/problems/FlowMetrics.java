package io.alloytop.problems;

import java.time.Duration;
import java.util.List;

/**
 * The per-component metric names alloytop relies on to see what actually flows, read from
 * grafana/alloy's source (HEAD 66ebea8) and its mixin dashboards. Every family carries
 * {@code component_id} (added by Alloy's managed registerer), so one component's series are
 * summed across their other labels (url, host, tenant, reason, endpoint...).
 *
 * <pre>
 * component type           in                                         out                                       failed / dropped                                      retries
 * prometheus.remote_write  prometheus_remote_write_wal_samples_appended_total  prometheus_remote_storage_samples_total  prometheus_remote_storage_samples_failed_total,    prometheus_remote_storage_samples_retried_total
 *                                                                                                                _dropped_total
 *   lag = prometheus_remote_storage_highest_timestamp_in_seconds - prometheus_remote_storage_queue_highest_sent_timestamp_seconds
 *   (internal/component/prometheus/remotewrite, operations/alloy-mixin/dashboards/prometheus.libsonnet)
 * loki.write               (upstream components)                      loki_write_sent_entries_total             loki_write_dropped_entries_total                      loki_write_batch_retries_total
 *   (internal/component/common/loki/client/metrics.go)
 * pyroscope.write          (upstream components)                      pyroscope_write_sent_profiles_total       pyroscope_write_dropped_profiles_total                pyroscope_write_retries_total
 *   (internal/component/pyroscope/write/metrics.go)
 * otelcol.exporter.*       (upstream components)                      otelcol_exporter_sent_{spans,metric_points,log_records}_total
 *                                                                                                                otelcol_exporter_send_failed_*_total, enqueue_failed_*
 * otelcol.receiver.*       —                                          otelcol_receiver_accepted_*_total         otelcol_receiver_refused_*_total
 * prometheus.scrape        —                                          prometheus_forwarded_samples_total (fanout.go); targets: prometheus_scrape_targets_gauge; target up/down from debugInfo
 * loki.source.journal      —                                          loki_source_journal_target_lines_total    loki_source_journal_target_parsing_errors_total (errors)
 * </pre>
 */
public final class FlowMetrics {
    private FlowMetrics() {}

    /** How one component type's flow is read from /metrics. Empty lists mean "not measured". */
    public record Spec(String type, String unit, List<String> in, List<String> out, List<String> failed,
                       List<String> retries, boolean writer, Duration batchGap) {
        Spec(String type, String unit, List<String> in, List<String> out, List<String> failed,
             List<String> retries, boolean writer) {
            this(type, unit, in, out, failed, retries, writer, Duration.ZERO);
        }
    }

    static final List<String> OTEL_SENT = List.of("otelcol_exporter_sent_spans_total",
            "otelcol_exporter_sent_metric_points_total", "otelcol_exporter_sent_log_records_total");
    static final List<String> OTEL_FAILED = List.of("otelcol_exporter_send_failed_spans_total",
            "otelcol_exporter_send_failed_metric_points_total", "otelcol_exporter_send_failed_log_records_total",
            "otelcol_exporter_enqueue_failed_spans_total", "otelcol_exporter_enqueue_failed_metric_points_total",
            "otelcol_exporter_enqueue_failed_log_records_total");

    public static final String RW_HIGHEST_IN = "prometheus_remote_storage_highest_timestamp_in_seconds";
    public static final String RW_HIGHEST_SENT = "prometheus_remote_storage_queue_highest_sent_timestamp_seconds";
    public static final String RW_PENDING = "prometheus_remote_storage_samples_pending";
    public static final String EVAL_SLOW = "alloy_component_evaluation_slow_seconds";
    public static final String EVAL_QUEUE = "alloy_component_evaluation_queue_size";

    private static final List<Spec> SPECS = List.of(
            new Spec("prometheus.remote_write", "samples",
                    List.of("prometheus_remote_write_wal_samples_appended_total"),
                    List.of("prometheus_remote_storage_samples_total"),
                    List.of("prometheus_remote_storage_samples_failed_total",
                            "prometheus_remote_storage_samples_dropped_total"),
                    List.of("prometheus_remote_storage_samples_retried_total"), true),
            new Spec("loki.write", "entries", List.of(),
                    List.of("loki_write_sent_entries_total"),
                    List.of("loki_write_dropped_entries_total"),
                    List.of("loki_write_batch_retries_total"), true),
            new Spec("pyroscope.write", "profiles", List.of(),
                    List.of("pyroscope_write_sent_profiles_total"),
                    List.of("pyroscope_write_dropped_profiles_total"),
                    List.of("pyroscope_write_retries_total"), true,
                    // pyroscope.scrape delivers every 15 s by default: quiet gaps shorter than that are normal
                    Duration.ofSeconds(45)),
            new Spec("otelcol.exporter.", "items", List.of(), OTEL_SENT, OTEL_FAILED, List.of(), true),
            new Spec("otelcol.receiver.", "items", List.of(),
                    List.of("otelcol_receiver_accepted_spans_total", "otelcol_receiver_accepted_metric_points_total",
                            "otelcol_receiver_accepted_log_records_total"),
                    List.of("otelcol_receiver_refused_spans_total", "otelcol_receiver_refused_metric_points_total",
                            "otelcol_receiver_refused_log_records_total"), List.of(), false),
            new Spec("prometheus.scrape", "samples", List.of(),
                    List.of("prometheus_forwarded_samples_total"), List.of(), List.of(), false),
            new Spec("prometheus.relabel", "samples", List.of(),
                    List.of("prometheus_forwarded_samples_total"), List.of(), List.of(), false),
            new Spec("loki.source.journal", "lines", List.of(),
                    List.of("loki_source_journal_target_lines_total"),
                    List.of("loki_source_journal_target_parsing_errors_total"), List.of(), false));

    /** The spec for a component type name; a trailing '.' in a spec matches a whole family of types. */
    public static Spec forType(String componentName) {
        for (Spec s : SPECS) {
            if (s.type().endsWith(".") ? componentName.startsWith(s.type()) : componentName.equals(s.type())) return s;
        }
        return null;
    }

    public static List<Spec> all() {
        return SPECS;
    }
}
