package io.alloytop.problems;

import io.alloytop.metrics.Labels;
import java.time.Duration;
import java.util.List;

/**
 * The per-component metric names alloytop relies on to see what actually flows, read from
 * grafana/alloy's source (HEAD 66ebea8) and its mixin dashboards. Every family carries
 * {@code component_path} and {@code component_id}, added by the registerer Alloy wraps around each
 * component (internal/runtime/internal/controller/node_builtin_component.go, getManagedOptions):
 * they are loader.go's splitPath of the global ID, so {@code component_id} is the LOCAL id and
 * {@code component_path} is "/" + the module ID ("/" at the root, "/module.file.a" inside that
 * module). One component's series are summed across their other labels (url, remote_name, host,
 * tenant, reason, endpoint...). The controller's own families (evaluation slow seconds, queue size)
 * use {@code controller_path}/{@code controller_id} for the module instead.
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
 *   (the collector's own instruments through a per-component registry registered on the wrapped registerer,
 *   internal/component/otelcol/exporter/exporter.go; names in docs/sources/reference/components/otelcol and
 *   the mixin's alerts/opentelemetry.libsonnet. enqueue_failed_* comes from upstream exporterhelper, not Alloy's tree)
 * otelcol.receiver.*       —                                          otelcol_receiver_accepted_*_total         otelcol_receiver_refused_*_total
 * prometheus.scrape        —                                          prometheus_forwarded_samples_total (fanout.go); targets: prometheus_scrape_targets_gauge; target up/down from debugInfo
 * prometheus.relabel       —                                          prometheus_forwarded_samples_total (its fanout too; also alloy_prometheus_relabel_metrics_processed/_written)
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

    /**
     * The global component ID a per-component series belongs to: splitPath reversed. A series
     * without component_path (not from Alloy's wrapped registerer) is taken as a root component.
     */
    public static String globalId(Labels l) {
        String id = l.get("component_id");
        if (id == null || id.isEmpty()) return null;
        String path = l.get("component_path");
        if (path == null || path.isEmpty() || path.equals("/")) return id;
        return (path.startsWith("/") ? path.substring(1) : path) + "/" + id;
    }

    /** The module a controller-level series (evaluation queue, slow evaluations) belongs to; "" at the root. */
    public static String controllerModule(Labels l) {
        String path = l.get("controller_path");
        String id = l.get("controller_id");
        if (id == null || id.isEmpty()) return "";
        if (path == null || path.isEmpty() || path.equals("/")) return id;
        return (path.startsWith("/") ? path.substring(1) : path) + "/" + id;
    }

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
