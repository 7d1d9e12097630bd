package io.alloytop.forward;

import io.alloytop.metrics.MetricsSnapshot;
import java.util.List;

/**
 * Per-writer delivery counters, as Alloy names them (all carry {@code component_id}):
 * <pre>
 *  prometheus.remote_write  prometheus_remote_storage_samples_total     / prometheus_remote_storage_samples_failed_total
 *  loki.write               loki_write_sent_entries_total               / loki_write_dropped_entries_total
 *  pyroscope.write          pyroscope_write_sent_profiles_total         / pyroscope_write_dropped_profiles_total
 *  otelcol.exporter.otlp    otelcol_exporter_sent_spans(_total)         / otelcol_exporter_send_failed_spans(_total)
 * </pre>
 */
public record WriterMetrics(String unit, List<String> sent, List<String> failed) {

    public static WriterMetrics of(Signal s) {
        switch (s) {
            case METRICS:
                return new WriterMetrics("samples", List.of("prometheus_remote_storage_samples_total"),
                        List.of("prometheus_remote_storage_samples_failed_total"));
            case LOGS:
                return new WriterMetrics("entries", List.of("loki_write_sent_entries_total"),
                        List.of("loki_write_dropped_entries_total"));
            case PROFILES:
                return new WriterMetrics("profiles", List.of("pyroscope_write_sent_profiles_total"),
                        List.of("pyroscope_write_dropped_profiles_total"));
            default:
                return new WriterMetrics("spans", List.of("otelcol_exporter_sent_spans_total", "otelcol_exporter_sent_spans"),
                        List.of("otelcol_exporter_send_failed_spans_total", "otelcol_exporter_send_failed_spans"));
        }
    }

    public double sent(MetricsSnapshot m, String componentId) {
        return sum(m, sent, componentId);
    }

    public double failed(MetricsSnapshot m, String componentId) {
        return sum(m, failed, componentId);
    }

    private static double sum(MetricsSnapshot m, List<String> names, String id) {
        double t = 0;
        for (String n : names) t += m.sum(n, l -> id.equals(l.get("component_id")));
        return t;
    }
}
