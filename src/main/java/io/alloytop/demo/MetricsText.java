package io.alloytop.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the simulated {@code /metrics}: Alloy's own families (facts §4.1), client_golang's go_* and
 * process_* (§4.2), remotecfg (§4.4), and per-component families carrying component_id and
 * component_path. Names come from Alloy's sources; the ones the problems rules rely on:
 * <pre>
 * prometheus.remote_write  prometheus_remote_storage_samples_total / _failed_total / _retried_total,
 *                          _samples_pending, _samples_in_total, _highest_timestamp_in_seconds,
 *                          _queue_highest_sent_timestamp_seconds, _sent_batch_duration_seconds,
 *                          prometheus_remote_write_wal_samples_appended_total
 * loki.write               loki_write_sent_entries_total, _dropped_entries_total{reason}, _batch_retries_total,
 *                          _sent_bytes_total, _encoded_bytes_total, _dropped_bytes_total, _request_duration_seconds
 * pyroscope.write          pyroscope_write_sent_bytes_total, _dropped_bytes_total, _sent_profiles_total,
 *                          _dropped_profiles_total, _retries_total (label endpoint)
 * otelcol.exporter.*       otelcol_exporter_sent_spans_total, otelcol_exporter_send_failed_spans_total, queue size/capacity
 * otelcol.receiver.*       otelcol_receiver_accepted_spans_total, otelcol_receiver_refused_spans_total
 * prometheus.scrape        prometheus_scrape_targets_gauge, prometheus_forwarded_samples_total
 * prometheus.relabel       alloy_prometheus_relabel_metrics_processed, _written, prometheus_forwarded_samples_total (its fanout)
 * loki.source.journal      loki_source_journal_target_lines_total, _parsing_errors_total{error}
 * </pre>
 */
final class MetricsText {
    private static final double MB = 1024 * 1024;

    private MetricsText() {}

    static String render(DemoWorld.View v) {
        Exposition x = new Exposition();
        alloy(x, v);
        runtime(x, v);
        for (DemoComponent c : v.components()) component(x, c);
        return x.render();
    }

    /** splitPath in Alloy's loader: root → ("/", ""), "a.b" → ("/", "a.b"), "a.b/c.d" → ("/a.b", "c.d"). */
    static String[] controller(String moduleID) {
        if (moduleID.isEmpty()) return new String[] {"/", ""};
        int slash = moduleID.lastIndexOf('/');
        if (slash < 0) return new String[] {"/", moduleID};
        return new String[] {"/" + moduleID.substring(0, slash), moduleID.substring(slash + 1)};
    }

    private static String[] ctl(String moduleID) {
        String[] c = controller(moduleID);
        return new String[] {"controller_path", c[0], "controller_id", c[1]};
    }

    private static void alloy(Exposition x, DemoWorld.View v) {
        x.family("alloy_build_info", "gauge", "A metric with a constant '1' value labeled by version, revision, branch, goversion from which alloy was built, and the goos and goarch for the build.");
        x.sample("alloy_build_info", 1, "version", "v1.18.0", "revision", "66ebea8", "branch", "HEAD", "goversion", "go1.25.1",
                "goos", "linux", "goarch", "amd64", "tags", "netgo,builtinassets,promtail_journal_enabled");

        Map<String, Map<String, Integer>> byController = new LinkedHashMap<>();
        for (String m : v.modules()) if (!m.equals("remotecfg") || hasModule(v, m)) byController.put(m, new LinkedHashMap<>());
        for (DemoComponent c : v.components()) {
            byController.computeIfAbsent(c.moduleID(), k -> new LinkedHashMap<>()).merge(c.state, 1, Integer::sum);
        }
        x.family("alloy_component_controller_running_components", "gauge", "Total number of running components.");
        x.family("alloy_component_controller_evaluating", "gauge", "Tracks if the controller is currently in the middle of a graph evaluation");
        x.family("alloy_component_evaluation_queue_size", "gauge", "Tracks the number of components waiting to be evaluated in the worker pool");
        x.family("alloy_component_evaluation_seconds", "histogram", "Time spent performing component evaluation");
        x.family("alloy_component_dependencies_wait_seconds", "histogram", "Time spent by components waiting to be evaluated after their dependency is updated.");
        x.family("alloy_component_graph_connection", "gauge", "Connections between components in the graph");
        for (Map.Entry<String, Map<String, Integer>> e : byController.entrySet()) {
            String[] labels = ctl(e.getKey());
            for (Map.Entry<String, Integer> s : e.getValue().entrySet()) {
                x.sample("alloy_component_controller_running_components", s.getValue(), Exposition.with(labels, "health_type", s.getKey()));
            }
            x.sample("alloy_component_controller_evaluating", 0, labels);
            x.sample("alloy_component_evaluation_queue_size", e.getKey().isEmpty() ? v.evaluationQueueSize() : 0, labels);
            Histogram h = v.evalHistograms().get(e.getKey());
            if (h != null) x.histogram("alloy_component_evaluation_seconds", h, labels);
            Histogram w = v.depWaitHistograms().get(e.getKey());
            if (w != null) x.histogram("alloy_component_dependencies_wait_seconds", w, labels);
        }
        x.family("alloy_component_evaluation_slow_seconds", "counter", "Number of seconds spent evaluating components that are taking longer than 1m0s");
        for (DemoComponent c : v.components()) {
            if (c.slowEvaluationSeconds > 0) {
                x.sample("alloy_component_evaluation_slow_seconds", c.slowEvaluationSeconds, Exposition.with(ctl(c.moduleID()), "component_id", c.localID()));
            }
            for (String to : c.edges) {
                x.sample("alloy_component_graph_connection", 1, Exposition.with(Exposition.with(ctl(c.moduleID()), "from", c.localID()), "to", to));
            }
        }

        x.family("alloy_config_hash", "gauge", "Hash of the currently active config file.");
        x.sample("alloy_config_hash", 1, "sha256", v.configHash(), "cluster_name", "");
        x.family("alloy_config_last_load_successful", "gauge", "Config loaded successfully.");
        x.sample("alloy_config_last_load_successful", v.lastLoadSuccessful() ? 1 : 0);
        x.family("alloy_config_last_load_success_timestamp_seconds", "gauge", "Timestamp of the last successful configuration load.");
        x.sample("alloy_config_last_load_success_timestamp_seconds", v.lastLoadSuccess().toEpochMilli() / 1000.0);
        x.family("alloy_config_load_failures_total", "counter", "Configuration load failures.");
        x.sample("alloy_config_load_failures_total", v.loadFailures());

        x.family("alloy_resources_process_start_time_seconds", "gauge", "Start time of the process since Unix epoch in seconds.");
        x.sample("alloy_resources_process_start_time_seconds", v.startTime().getEpochSecond());
        x.family("alloy_resources_process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
        x.sample("alloy_resources_process_cpu_seconds_total", round2(v.cpuSeconds()));
        x.family("alloy_resources_process_resident_memory_bytes", "gauge", "Current resident memory size in bytes.");
        x.sample("alloy_resources_process_resident_memory_bytes", Math.round(v.rss()));
        x.family("alloy_resources_process_virtual_memory_bytes", "gauge", "Current virtual memory size in bytes.");
        x.sample("alloy_resources_process_virtual_memory_bytes", Math.round(1_412 * MB + v.rss()));
        x.family("alloy_resources_machine_rx_bytes_total", "counter", "Total bytes, host-wide, received by all network interfaces.");
        x.sample("alloy_resources_machine_rx_bytes_total", Math.round(88_000_000_000.0 + v.netRx() * 40));
        x.family("alloy_resources_machine_tx_bytes_total", "counter", "Total bytes, host-wide, sent by all network interfaces.");
        x.sample("alloy_resources_machine_tx_bytes_total", Math.round(31_000_000_000.0 + v.netTx() * 25));

        if (hasModule(v, "remotecfg")) {
            x.family("remotecfg_hash", "gauge", "Hash of the currently active remote configuration.");
            x.sample("remotecfg_hash", 1, "hash", "9f3c0d6a4b2e71c85d0e");
            x.family("remotecfg_last_load_successful", "gauge", "Remote config loaded successfully");
            x.sample("remotecfg_last_load_successful", 1);
            x.family("remotecfg_last_load_not_modified", "gauge", "Remote config not modified since last fetch");
            x.sample("remotecfg_last_load_not_modified", 1);
            x.family("remotecfg_load_failures_total", "counter", "Remote configuration load failures");
            x.sample("remotecfg_load_failures_total", 0);
            long attempts = 1 + (v.now().getEpochSecond() - v.startTime().getEpochSecond()) / 60;
            x.family("remotecfg_load_attempts_total", "counter", "Attempts to load remote configuration");
            x.sample("remotecfg_load_attempts_total", attempts);
            x.family("remotecfg_last_load_success_timestamp_seconds", "gauge", "Timestamp of the last successful remote configuration load");
            x.sample("remotecfg_last_load_success_timestamp_seconds", v.now().getEpochSecond() - (v.now().getEpochSecond() - v.startTime().getEpochSecond()) % 60);
        }
    }

    private static boolean hasModule(DemoWorld.View v, String m) {
        for (DemoComponent c : v.components()) if (c.moduleID().equals(m)) return true;
        return false;
    }

    private static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static void runtime(Exposition x, DemoWorld.View v) {
        double heap = Math.round(v.heapInuse());
        x.family("go_gc_duration_seconds", "summary", "A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.");
        double[] q = {0.0000342, 0.0000581, 0.0000734, 0.000102, 0.00089};
        String[] qs = {"0", "0.25", "0.5", "0.75", "1"};
        for (int i = 0; i < q.length; i++) x.sample("go_gc_duration_seconds", "go_gc_duration_seconds", q[i], "quantile", qs[i]);
        x.sample("go_gc_duration_seconds", "go_gc_duration_seconds_sum", v.gcPauseSum());
        x.sample("go_gc_duration_seconds", "go_gc_duration_seconds_count", v.gcCount());
        x.family("go_gc_gogc_percent", "gauge", "Heap size target percentage configured by the user, otherwise 100. This value is set by the GOGC environment variable, and the runtime/debug.SetGCPercent function. Sourced from /gc/gogc:percent.");
        x.sample("go_gc_gogc_percent", 100);
        x.family("go_gc_gomemlimit_bytes", "gauge", "Go runtime memory limit configured by the user, otherwise math.MaxInt64. This value is set by the GOMEMLIMIT environment variable, and the runtime/debug.SetMemoryLimit function. Sourced from /gc/gomemlimit:bytes.");
        x.sample("go_gc_gomemlimit_bytes", 9.223372036854776e18);
        x.family("go_goroutines", "gauge", "Number of goroutines that currently exist.");
        x.sample("go_goroutines", v.goroutines());
        x.family("go_info", "gauge", "Information about the Go environment.");
        x.sample("go_info", 1, "version", "go1.25.1");
        x.family("go_memstats_alloc_bytes", "gauge", "Number of heap bytes allocated and currently in use, same as go_memstats_heap_alloc_bytes. Equals to /memory/classes/heap/objects:bytes.");
        x.sample("go_memstats_alloc_bytes", Math.round(heap * 0.83));
        x.family("go_memstats_alloc_bytes_total", "counter", "Total number of heap bytes allocated, even if freed. Equals to /gc/heap/allocs:bytes.");
        x.sample("go_memstats_alloc_bytes_total", Math.round(heap + v.allocTotal()));
        x.family("go_memstats_heap_alloc_bytes", "gauge", "Number of heap bytes allocated and currently in use, same as go_memstats_alloc_bytes. Equals to /memory/classes/heap/objects:bytes.");
        x.sample("go_memstats_heap_alloc_bytes", Math.round(heap * 0.83));
        x.family("go_memstats_heap_idle_bytes", "gauge", "Number of heap bytes waiting to be used. Equals to /memory/classes/heap/released:bytes + /memory/classes/heap/free:bytes.");
        x.sample("go_memstats_heap_idle_bytes", Math.round(v.rss() * 0.3));
        x.family("go_memstats_heap_inuse_bytes", "gauge", "Number of heap bytes that are in use. Equals to /memory/classes/heap/objects:bytes + /memory/classes/heap/unused:bytes");
        x.sample("go_memstats_heap_inuse_bytes", heap);
        x.family("go_memstats_heap_objects", "gauge", "Number of currently allocated objects. Equals to /gc/heap/objects:objects.");
        x.sample("go_memstats_heap_objects", Math.round(heap / 96));
        x.family("go_memstats_next_gc_bytes", "gauge", "Number of heap bytes when next garbage collection will take place. Equals to /gc/heap/goal:bytes.");
        x.sample("go_memstats_next_gc_bytes", Math.round(heap * 1.6));
        x.family("go_memstats_sys_bytes", "gauge", "Number of bytes obtained from system. Equals to /memory/classes/total:byte.");
        x.sample("go_memstats_sys_bytes", Math.round(v.rss() * 1.12));
        x.family("go_sched_gomaxprocs_threads", "gauge", "The current runtime.GOMAXPROCS setting, or the number of operating system threads that can execute user-level Go code simultaneously. Sourced from /sched/gomaxprocs:threads.");
        x.sample("go_sched_gomaxprocs_threads", 2);
        x.family("go_threads", "gauge", "Number of OS threads created.");
        x.sample("go_threads", 14);

        x.family("process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
        x.sample("process_cpu_seconds_total", round2(v.cpuSeconds()));
        x.family("process_max_fds", "gauge", "Maximum number of open file descriptors.");
        x.sample("process_max_fds", 524288);
        x.family("process_network_receive_bytes_total", "counter", "Number of bytes received by the process over the network.");
        x.sample("process_network_receive_bytes_total", Math.round(v.netRx()));
        x.family("process_network_transmit_bytes_total", "counter", "Number of bytes sent by the process over the network.");
        x.sample("process_network_transmit_bytes_total", Math.round(v.netTx()));
        x.family("process_open_fds", "gauge", "Number of open file descriptors.");
        x.sample("process_open_fds", 38 + v.components().size() / 2);
        x.family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
        x.sample("process_resident_memory_bytes", Math.round(v.rss()));
        x.family("process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.");
        x.sample("process_start_time_seconds", v.startTime().toEpochMilli() / 10 / 100.0);
        x.family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.");
        x.sample("process_virtual_memory_bytes", Math.round(1_412 * MB + v.rss()));
        x.family("process_virtual_memory_max_bytes", "gauge", "Maximum amount of virtual memory available in bytes.");
        x.sample("process_virtual_memory_max_bytes", 1.8446744073709552e19);
    }

    private static void component(Exposition x, DemoComponent c) {
        String[] id = {"component_id", c.localID(), "component_path", "/" + c.moduleID()};
        switch (c.kind) {
            case REMOTE_WRITE: remoteWrite(x, c, id); break;
            case LOKI_WRITE: lokiWrite(x, c, id); break;
            case PYROSCOPE_WRITE: pyroscopeWrite(x, c, id); break;
            case OTEL_EXPORTER: otelExporter(x, c, id); break;
            case OTEL_RECEIVER:
                x.family("otelcol_receiver_accepted_spans_total", "counter", "Number of spans successfully pushed into the pipeline. [alpha]");
                x.sample("otelcol_receiver_accepted_spans_total", Math.floor(c.in), Exposition.with(id, "transport", "grpc"));
                x.family("otelcol_receiver_refused_spans_total", "counter", "Number of spans that could not be pushed into the pipeline. [alpha]");
                x.sample("otelcol_receiver_refused_spans_total", Math.floor(c.dropped), Exposition.with(id, "transport", "grpc"));
                break;
            case OTEL_PROCESSOR:
                x.family("otelcol_processor_incoming_items_total", "counter", "Number of items passed to the processor. [alpha]");
                x.sample("otelcol_processor_incoming_items_total", Math.floor(c.in), Exposition.with(id, "otel_signal", "traces"));
                x.family("otelcol_processor_outgoing_items_total", "counter", "Number of items emitted from the processor. [alpha]");
                x.sample("otelcol_processor_outgoing_items_total", Math.floor(c.sent), Exposition.with(id, "otel_signal", "traces"));
                break;
            case SCRAPE:
                x.family("prometheus_scrape_targets_gauge", "gauge", "Number of targets this component is configured to scrape");
                x.sample("prometheus_scrape_targets_gauge", c.targetCount, id);
                x.family("prometheus_forwarded_samples_total", "counter", "Total number of samples sent to downstream components.");
                x.sample("prometheus_forwarded_samples_total", Math.floor(c.sent), id);
                break;
            case RELABEL:
                x.family("alloy_prometheus_relabel_metrics_processed", "counter", "Total number of metrics processed");
                x.sample("alloy_prometheus_relabel_metrics_processed", Math.floor(c.in), id);
                x.family("alloy_prometheus_relabel_metrics_written", "counter", "Total number of metrics written");
                x.sample("alloy_prometheus_relabel_metrics_written", Math.floor(c.sent), id);
                x.family("prometheus_forwarded_samples_total", "counter", "Total number of samples sent to downstream components.");
                x.sample("prometheus_forwarded_samples_total", Math.floor(c.sent), id);
                break;
            case JOURNAL:
                x.family("loki_source_journal_target_lines_total", "counter", "Total number of successful journal lines read");
                x.sample("loki_source_journal_target_lines_total", Math.floor(c.in), id);
                x.family("loki_source_journal_target_parsing_errors_total", "counter", "Total number of parsing errors while reading journal messages");
                if (c.parseErrors > 0) x.sample("loki_source_journal_target_parsing_errors_total", Math.floor(c.parseErrors), Exposition.with(id, "error", "invalid_entry"));
                break;
            case LOKI_PROCESS:
                x.family("loki_process_dropped_lines_total", "counter", "A count of all log lines dropped as a result of a pipeline stage");
                if (c.dropped > 0) x.sample("loki_process_dropped_lines_total", Math.floor(c.dropped), Exposition.with(id, "reason", "drop_stage"));
                break;
            default:
                break;
        }
    }

    private static void remoteWrite(Exposition x, DemoComponent c, String[] id) {
        String[] q = Exposition.with(Exposition.with(id, "remote_name", DemoLogs.remoteName(c)), "url", DemoLogs.url(c));
        x.family("prometheus_remote_storage_samples_total", "counter", "Total number of samples sent to remote storage.");
        x.sample("prometheus_remote_storage_samples_total", Math.floor(c.sent), q);
        x.family("prometheus_remote_storage_samples_failed_total", "counter", "Total number of samples which failed on send to remote storage, non-recoverable errors.");
        x.sample("prometheus_remote_storage_samples_failed_total", Math.floor(c.failed + c.dropped), q);
        x.family("prometheus_remote_storage_samples_retried_total", "counter", "Total number of samples which failed on send to remote storage but were retried because the send error was recoverable.");
        x.sample("prometheus_remote_storage_samples_retried_total", Math.floor(c.retried), q);
        x.family("prometheus_remote_storage_samples_pending", "gauge", "The number of samples pending in the queues shards to be sent to the remote storage.");
        x.sample("prometheus_remote_storage_samples_pending", Math.floor(c.pending), q);
        x.family("prometheus_remote_storage_bytes_total", "counter", "The total number of bytes of data (not metadata) sent by the queue after compression. Note that when exemplars over remote write is enabled the exemplars included in a remote write request count towards this metric.");
        x.sample("prometheus_remote_storage_bytes_total", Math.floor(c.bytes), q);
        x.family("prometheus_remote_storage_queue_highest_sent_timestamp_seconds", "gauge", "Timestamp from a WAL sample, the highest timestamp successfully sent by this queue, in seconds since epoch. Initialized to 0 when no data has been sent yet.");
        x.sample("prometheus_remote_storage_queue_highest_sent_timestamp_seconds", Math.floor(c.highestSentTs), q);
        x.family("prometheus_remote_storage_shards", "gauge", "The number of shards used for parallel sending to the remote storage.");
        x.sample("prometheus_remote_storage_shards", 1, q);
        x.family("prometheus_remote_storage_sent_batch_duration_seconds", "histogram", "Duration of send calls to the remote storage.");
        x.histogram("prometheus_remote_storage_sent_batch_duration_seconds", c.requestDuration, q);
        x.family("prometheus_remote_storage_samples_in_total", "counter", "Samples in to remote storage, compare to samples out for queue managers.");
        x.sample("prometheus_remote_storage_samples_in_total", Math.floor(c.in), id);
        x.family("prometheus_remote_storage_highest_timestamp_in_seconds", "gauge", "Highest timestamp that has come into the remote storage via the Appender interface, in seconds since epoch. Initialized to 0 when no data has been received yet.");
        x.sample("prometheus_remote_storage_highest_timestamp_in_seconds", Math.floor(c.highestInTs), id);
        x.family("prometheus_remote_write_wal_samples_appended_total", "counter", "Total number of samples appended to the WAL");
        x.sample("prometheus_remote_write_wal_samples_appended_total", Math.floor(c.in), Exposition.with(id, "type", "float"));
    }

    private static final List<String> LOKI_REASONS = List.of("ingester_error", "line_too_long", "rate_limited", "stream_limited");

    private static void lokiWrite(Exposition x, DemoComponent c, String[] id) {
        String[] q = Exposition.with(Exposition.with(id, "host", "logs-prod-006.grafana.net"), "tenant", "");
        x.family("loki_write_sent_entries_total", "counter", "Number of log entries sent to the ingester.");
        x.sample("loki_write_sent_entries_total", Math.floor(c.sent), q);
        x.family("loki_write_sent_bytes_total", "counter", "Number of bytes sent.");
        x.sample("loki_write_sent_bytes_total", Math.floor(c.bytes), q);
        x.family("loki_write_encoded_bytes_total", "counter", "Number of bytes encoded and ready to send.");
        x.sample("loki_write_encoded_bytes_total", Math.floor(c.in * Kind.LOKI_WRITE.bytesPerItem()), q);
        x.family("loki_write_batch_retries_total", "counter", "Number of times batches has had to be retried.");
        x.sample("loki_write_batch_retries_total", Math.floor(c.batchRetries), q);
        x.family("loki_write_dropped_entries_total", "counter", "Number of log entries dropped because failed to be sent to the ingester after all retries.");
        x.family("loki_write_dropped_bytes_total", "counter", "Number of bytes dropped because failed to be sent to the ingester after all retries.");
        for (String reason : LOKI_REASONS) {
            double n = reason.equals("rate_limited") ? c.dropped : reason.equals("ingester_error") ? c.failed : 0;
            x.sample("loki_write_dropped_entries_total", Math.floor(n), Exposition.with(q, "reason", reason));
            x.sample("loki_write_dropped_bytes_total", Math.floor(n * Kind.LOKI_WRITE.bytesPerItem()), Exposition.with(q, "reason", reason));
        }
        x.family("loki_write_request_duration_seconds", "histogram", "Duration of send requests.");
        x.histogram("loki_write_request_duration_seconds", c.requestDuration, Exposition.with(q, "status_code", c.failing401 ? "401" : "204"));
    }

    private static void pyroscopeWrite(Exposition x, DemoComponent c, String[] id) {
        String[] q = Exposition.with(id, "endpoint", "https://profiles-prod-001.grafana.net");
        x.family("pyroscope_write_sent_bytes_total", "counter", "Total number of compressed bytes sent to Pyroscope.");
        x.sample("pyroscope_write_sent_bytes_total", Math.floor(c.bytes), q);
        x.family("pyroscope_write_dropped_bytes_total", "counter", "Total number of compressed bytes dropped by Pyroscope.");
        x.sample("pyroscope_write_dropped_bytes_total", Math.floor((c.dropped + c.failed) * Kind.PYROSCOPE_WRITE.bytesPerItem()), q);
        x.family("pyroscope_write_sent_profiles_total", "counter", "Total number of profiles sent to Pyroscope.");
        x.sample("pyroscope_write_sent_profiles_total", Math.floor(c.sent), q);
        x.family("pyroscope_write_dropped_profiles_total", "counter", "Total number of profiles dropped by Pyroscope.");
        x.sample("pyroscope_write_dropped_profiles_total", Math.floor(c.dropped + c.failed), q);
        x.family("pyroscope_write_retries_total", "counter", "Total number of retries to Pyroscope.");
        x.sample("pyroscope_write_retries_total", Math.floor(c.retried), q);
    }

    private static void otelExporter(Exposition x, DemoComponent c, String[] id) {
        x.family("otelcol_exporter_sent_spans_total", "counter", "Number of spans successfully sent to destination. [alpha]");
        x.sample("otelcol_exporter_sent_spans_total", Math.floor(c.sent), id);
        x.family("otelcol_exporter_send_failed_spans_total", "counter", "Number of spans in failed attempts to send to destination. [alpha]");
        x.sample("otelcol_exporter_send_failed_spans_total", Math.floor(c.failed + c.dropped), id);
        x.family("otelcol_exporter_sent_metric_points_total", "counter", "Number of metric points successfully sent to destination. [alpha]");
        x.sample("otelcol_exporter_sent_metric_points_total", 0, id);
        x.family("otelcol_exporter_sent_log_records_total", "counter", "Number of log record successfully sent to destination. [alpha]");
        x.sample("otelcol_exporter_sent_log_records_total", 0, id);
        x.family("otelcol_exporter_queue_size", "gauge", "Current size of the retry queue (in batches) [alpha]");
        x.sample("otelcol_exporter_queue_size", Math.min(1000, Math.floor(c.pending / 100)), Exposition.with(id, "data_type", "traces"));
        x.family("otelcol_exporter_queue_capacity", "gauge", "Fixed capacity of the retry queue (in batches) [alpha]");
        x.sample("otelcol_exporter_queue_capacity", 1000, Exposition.with(id, "data_type", "traces"));
    }
}
