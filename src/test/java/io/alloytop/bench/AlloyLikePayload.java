package io.alloytop.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic /metrics body shaped like a big Alloy's: go_/process_ families, alloy_* controller
 * families for several modules, and per-component families (counters, gauges and labelled histograms
 * with component_id/component_path, urls, paths) for hundreds of components.
 */
public final class AlloyLikePayload {
    private AlloyLikePayload() {}

    private static final String[] EVAL_BUCKETS = {"0.005", "0.025", "0.1", "0.5", "1", "5", "10", "30", "60", "120", "300", "600", "+Inf"};
    private static final String[] HTTP_BUCKETS = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"};
    private static final String[] KINDS = {
        "prometheus.scrape", "prometheus.remote_write", "loki.source.file", "loki.process",
        "otelcol.receiver.otlp", "otelcol.exporter.otlphttp", "discovery.relabel", "prometheus.exporter.unix",
    };

    /** Generates about targetBytes of text (stops at the first family boundary past it). */
    public static byte[] generate(int targetBytes, long seed) {
        Random r = new Random(seed);
        Body sb = new Body();
        runtimeFamilies(sb, r);
        String[] controllers = {"", "self_monitor.main", "remotecfg", "k8s.pods", "k8s.nodes", "logs.pipeline"};
        controllerFamilies(sb, r, controllers);
        int n = 0;
        while (sb.length() < targetBytes) {
            String kind = KINDS[n % KINDS.length];
            String id = kind + "." + name(r) + "_" + n;
            String path = n % 5 == 0 ? "/" + controllers[1 + r.nextInt(controllers.length - 1)] : "/";
            componentFamilies(sb, r, kind, id, path);
            n++;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Collects lines per family and writes each family once, in first-seen order, as a registry does. */
    private static final class Body {
        private final Map<String, StringBuilder> families = new LinkedHashMap<>();
        private StringBuilder current;
        private int length;

        Body header(String name, String type, String help) {
            current = families.get(name);
            if (current == null) {
                current = new StringBuilder();
                current.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
                families.put(name, current);
                length += current.length();
            }
            return this;
        }

        Body append(Object o) {
            String s = String.valueOf(o);
            current.append(s);
            length += s.length();
            return this;
        }

        Body append(char c) {
            current.append(c);
            length++;
            return this;
        }

        int length() {
            return length;
        }

        @Override
        public String toString() {
            StringBuilder all = new StringBuilder(length);
            for (StringBuilder f : families.values()) all.append(f);
            return all.toString();
        }
    }

    private static String name(Random r) {
        String[] words = {"default", "kubernetes_pods", "node", "app_logs", "metrics_service", "traces", "grafana_cloud", "local"};
        return words[r.nextInt(words.length)];
    }

    private static void runtimeFamilies(Body sb, Random r) {
        header(sb, "go_gc_duration_seconds", "summary", "A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.");
        for (String q : new String[] {"0", "0.25", "0.5", "0.75", "1"}) {
            sb.append("go_gc_duration_seconds{quantile=\"").append(q).append("\"} ").append(small(r)).append('\n');
        }
        sb.append("go_gc_duration_seconds_sum ").append(small(r)).append("\ngo_gc_duration_seconds_count 9021\n");
        String[] gauges = {"go_goroutines", "go_threads", "go_memstats_heap_inuse_bytes", "go_memstats_alloc_bytes",
            "go_memstats_sys_bytes", "process_resident_memory_bytes", "process_virtual_memory_bytes", "process_open_fds",
            "process_max_fds", "process_start_time_seconds", "go_gc_gogc_percent", "go_sched_gomaxprocs_threads"};
        for (String g : gauges) {
            header(sb, g, "gauge", "Runtime gauge " + g + ".");
            sb.append(g).append(' ').append(big(r)).append('\n');
        }
        header(sb, "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
        sb.append("process_cpu_seconds_total ").append(String.format(Locale.ROOT, "%.2f", r.nextDouble() * 5000)).append('\n');
        header(sb, "go_info", "gauge", "Information about the Go environment.");
        sb.append("go_info{version=\"go1.24.6\"} 1\n");
    }

    private static void controllerFamilies(Body sb, Random r, String[] controllers) {
        header(sb, "alloy_component_controller_running_components", "gauge", "Total number of running components.");
        for (String c : controllers) {
            for (String h : new String[] {"healthy", "unhealthy", "exited"}) {
                sb.append("alloy_component_controller_running_components{controller_id=\"").append(c)
                        .append("\",controller_path=\"/\",health_type=\"").append(h).append("\"} ").append(r.nextInt(40)).append('\n');
            }
        }
        header(sb, "alloy_component_evaluation_seconds", "histogram", "Time spent performing component evaluation");
        for (String c : controllers) {
            histogram(sb, r, "alloy_component_evaluation_seconds", "controller_id=\"" + c + "\",controller_path=\"/\"", EVAL_BUCKETS);
        }
    }

    private static void componentFamilies(Body sb, Random r, String kind, String id, String path) {
        String base = "component_id=\"" + id + "\",component_path=\"" + path + "\"";
        switch (kind) {
            case "prometheus.remote_write" -> {
                String l = base + ",remote_name=\"" + Long.toHexString(r.nextLong() >>> 40) + "\",url=\"https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push\"";
                counter(sb, r, "prometheus_remote_storage_samples_total", l);
                counter(sb, r, "prometheus_remote_storage_bytes_total", l);
                gauge(sb, r, "prometheus_remote_storage_shards", l);
                histogramFamily(sb, r, "prometheus_remote_storage_sent_batch_duration_seconds", l, HTTP_BUCKETS);
            }
            case "prometheus.scrape" -> {
                gauge(sb, r, "prometheus_scrape_targets_gauge", base);
                histogramFamily(sb, r, "prometheus_target_interval_length_seconds", base + ",interval=\"60s\"", HTTP_BUCKETS);
            }
            case "loki.source.file" -> {
                for (int f = 0; f < 3; f++) {
                    counter(sb, r, "loki_source_file_read_bytes_total", base + ",path=\"/var/log/pods/ns_app-" + r.nextInt(1000) + "/c/" + f + ".log\"");
                }
            }
            case "otelcol.receiver.otlp" -> {
                String l = base + ",receiver=\"otlp\",transport=\"grpc\"";
                counter(sb, r, "otelcol_receiver_accepted_spans_total", l);
                counter(sb, r, "otelcol_receiver_refused_spans_total", l);
                histogramFamily(sb, r, "rpc_server_duration_milliseconds", base + ",rpc_method=\"Export\",rpc_service=\"opentelemetry.proto.collector.trace.v1.TraceService\",rpc_system=\"grpc\"", HTTP_BUCKETS);
            }
            default -> {
                counter(sb, r, "alloy_component_dependencies_updates_total", base);
                histogramFamily(sb, r, "alloy_component_dependencies_wait_seconds", base, EVAL_BUCKETS);
            }
        }
    }

    private static void header(Body sb, String name, String type, String help) {
        sb.header(name, type, help);
    }

    private static void counter(Body sb, Random r, String name, String labels) {
        header(sb, name, "counter", "Counter " + name + ".");
        sb.append(name).append('{').append(labels).append("} ").append(big(r)).append('\n');
    }

    private static void gauge(Body sb, Random r, String name, String labels) {
        header(sb, name, "gauge", "Gauge " + name + ".");
        sb.append(name).append('{').append(labels).append("} ").append(r.nextInt(100)).append('\n');
    }

    private static void histogramFamily(Body sb, Random r, String name, String labels, String[] buckets) {
        header(sb, name, "histogram", "Histogram " + name + ".");
        histogram(sb, r, name, labels, buckets);
    }

    private static void histogram(Body sb, Random r, String name, String labels, String[] buckets) {
        long count = 0;
        for (String le : buckets) {
            count += r.nextInt(500);
            sb.append(name).append("_bucket{").append(labels).append(",le=\"").append(le).append("\"} ").append(count).append('\n');
        }
        sb.append(name).append("_sum{").append(labels).append("} ").append(Double.toString(r.nextDouble() * count)).append('\n');
        sb.append(name).append("_count{").append(labels).append("} ").append(count).append('\n');
    }

    /** Go's %g-like shapes: "4.6911e-05", "0.000114952". */
    private static String small(Random r) {
        double v = r.nextDouble() / Math.pow(10, r.nextInt(6));
        return r.nextBoolean() ? String.format(Locale.ROOT, "%.5g", v) : String.format(Locale.ROOT, "%.9f", v);
    }

    /** "1.59924224e+08" style, or plain integers. */
    private static String big(Random r) {
        long v = (long) (r.nextDouble() * Math.pow(10, 3 + r.nextInt(9)));
        return r.nextBoolean() ? Long.toString(v) : String.format(Locale.ROOT, "%.8e", (double) v);
    }
}
