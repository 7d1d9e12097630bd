package io.alloytop.metrics;

import static io.alloytop.metrics.PromTextParserTest.family;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real captures from Debian's prometheus 2.42.0 and prometheus-node-exporter 1.5.0, and an Alloy-like body. */
class PromTextFixturesTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PromTextFixturesTest.class.getResourceAsStream("/metrics/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            return in.readAllBytes();
        }
    }

    static MetricsSnapshot parseFixture(String name) throws Exception {
        return PromTextParser.parse(fixture(name));
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * A deliberately naive, regex-based reading of the same file (no timestamps in these captures):
     * every sample the parser returns must match it, in order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"prometheus-2.42.0.txt", "node-exporter-1.5.0.txt", "alloy-like.txt"})
    void everySampleMatchesANaiveLineByLineReading(String name) throws Exception {
        List<Sample> expected = new ArrayList<>();
        int typeLines = 0;
        for (String line : new String(fixture(name), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("# TYPE ")) typeLines++;
            if (line.isBlank() || line.startsWith("#")) continue;
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String metric = line.substring(0, brace >= 0 ? brace : line.indexOf(' '));
            List<String> pairs = new ArrayList<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (m.find()) {
                    pairs.add(m.group(1));
                    pairs.add(m.group(2).replace("\\\\", "\u0001").replace("\\\"", "\"").replace("\\n", "\n").replace("\u0001", "\\"));
                }
            }
            String v = line.substring(space + 1);
            double value = v.equals("+Inf") ? Double.POSITIVE_INFINITY : v.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(v);
            expected.add(new Sample(metric, Labels.ofPairs(pairs.toArray(new String[0])), value, Sample.NO_TIMESTAMP));
        }
        MetricsSnapshot s = parseFixture(name);
        List<Sample> actual = s.families().stream().flatMap(f -> f.samples().stream()).toList();
        assertEquals(expected, actual);
        assertEquals(typeLines, s.families().size(), "every TYPE line is one family with samples");
        assertTrue(actual.size() > 50, "a full body, not an empty file");
    }

    @Test
    void prometheusCapture() throws Exception {
        MetricsSnapshot s = parseFixture("prometheus-2.42.0.txt");
        assertEquals(MetricType.GAUGE, family(s, "go_goroutines").type());
        assertEquals(27, s.first("go_goroutines").getAsDouble());
        MetricFamily cpu = family(s, "process_cpu_seconds_total");
        assertEquals(MetricType.COUNTER, cpu.type());
        assertEquals("Total user and system CPU time spent in seconds.", cpu.help());
        assertEquals(0.03, s.first("process_cpu_seconds_total").getAsDouble());
        assertEquals("2.42.0+ds", s.samples("prometheus_build_info").get(0).labels().get("version"));

        MetricFamily gc = family(s, "go_gc_duration_seconds");
        assertEquals(MetricType.SUMMARY, gc.type());
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"),
                s.samples("go_gc_duration_seconds").stream().map(x -> x.labels().get("quantile")).toList());
        assertEquals(7, gc.samples().size());
        assertEquals(3, s.first("go_gc_duration_seconds_count").getAsDouble());

        MetricFamily http = family(s, "prometheus_http_request_duration_seconds");
        assertEquals(MetricType.HISTOGRAM, http.type());
        List<Sample> buckets = s.samples("prometheus_http_request_duration_seconds_bucket").stream()
                .filter(x -> x.labels().matches("handler", "/api/v1/query")).toList();
        assertEquals(List.of("0.1", "0.2", "0.4", "1", "3", "8", "20", "60", "120", "+Inf"),
                buckets.stream().map(x -> x.labels().get("le")).toList());
        assertEquals(5, buckets.get(buckets.size() - 1).value());
        assertEquals(5, s.first("prometheus_http_request_duration_seconds_count", l -> l.matches("handler", "/api/v1/query")).getAsDouble());
        assertEquals(0.004382649, s.first("prometheus_http_request_duration_seconds_sum", l -> l.matches("handler", "/api/v1/query")).getAsDouble());
        assertTrue(http.samples().stream().allMatch(x -> x.name().startsWith("prometheus_http_request_duration_seconds_")));
        assertEquals(1, s.first("prometheus_http_requests_total", l -> l.matches("handler", "/-/reload")).getAsDouble());
    }

    @Test
    void nodeExporterCapture() throws Exception {
        MetricsSnapshot s = parseFixture("node-exporter-1.5.0.txt");
        assertEquals(MetricType.COUNTER, family(s, "node_cpu_seconds_total").type());
        assertEquals(16, s.samples("node_cpu_seconds_total").size());
        assertEquals(343.68, s.first("node_cpu_seconds_total", l -> l.matches("cpu", "0") && l.matches("mode", "idle")).getAsDouble());
        assertEquals(MetricType.GAUGE, family(s, "node_memory_MemTotal_bytes").type());
        assertEquals(2.5276063744e10, s.first("node_memory_MemTotal_bytes").getAsDouble());
        assertEquals(MetricType.UNTYPED, family(s, "node_netstat_Tcp_ActiveOpens").type());
        assertEquals(142, s.first("node_netstat_Tcp_ActiveOpens").getAsDouble());
        assertEquals(2.70553174016e11, s.first("node_filesystem_size_bytes", l -> l.matches("mountpoint", "/")).getAsDouble());
        Labels uname = s.samples("node_uname_info").get(0).labels();
        assertEquals("Linux", uname.get("sysname"));
        assertEquals("#1 SMP PREEMPT_DYNAMIC @0", uname.get("version"));
    }

    @Test
    void alloyLikeBody() throws Exception {
        MetricsSnapshot s = parseFixture("alloy-like.txt");
        assertEquals("v1.18.0", s.samples("alloy_build_info").get(0).labels().get("version"));
        assertEquals(16, s.sum("alloy_component_controller_running_components"));
        assertEquals(Map.of("healthy", 14.0, "unhealthy", 1.0, "exited", 1.0),
                s.sumBy("alloy_component_controller_running_components", "health_type"));
        assertEquals(3, s.first("alloy_component_controller_running_components",
                l -> l.matches("controller_id", "self_monitor.main")).getAsDouble());

        MetricFamily eval = family(s, "alloy_component_evaluation_seconds");
        assertEquals(MetricType.HISTOGRAM, eval.type());
        assertEquals(15, eval.samples().size());
        assertEquals(38, s.first("alloy_component_evaluation_seconds_bucket", l -> l.matches("le", "+Inf")).getAsDouble());
        assertEquals(0.214570388, s.first("alloy_component_evaluation_seconds_sum").getAsDouble());

        assertEquals(1, s.first("alloy_config_last_load_successful").getAsDouble());
        assertEquals(2, s.first("alloy_config_load_failures_total").getAsDouble());
        assertEquals(MetricType.COUNTER, family(s, "alloy_config_load_failures_total").type());
        assertEquals(1.7637988124962106e9, s.first("alloy_config_last_load_success_timestamp_seconds").getAsDouble());
        assertEquals(64, s.samples("alloy_config_hash").get(0).labels().get("sha256").length());
        assertEquals("", s.samples("alloy_config_hash").get(0).labels().get("cluster_name"));

        assertEquals(Map.of("prometheus.remote_write.default", 8.812394e6, "prometheus.remote_write.metrics_service", 51234.0),
                s.sumBy("prometheus_remote_storage_samples_total", "component_id"));
        assertEquals("/self_monitor.main", s.samples("prometheus_remote_storage_samples_total").get(1).labels().get("component_path"));
        assertEquals("C:\\ProgramData\\Alloy\\token \"main\".txt",
                s.samples("local_file_timestamp_last_accessed_unix_seconds").get(0).labels().get("path"));
        assertEquals("Number of heap bytes in use by the Go runtime.\nIncludes spans that are partly free (see \\runtime\\metrics).",
                family(s, "go_memstats_heap_inuse_bytes").help());
        assertEquals(14, family(s, "remotecfg_request_duration_seconds").samples().size());
    }

    /** The benchmark's 2 MB body: every line is a sample, and every histogram series is consistent. */
    @Test
    void benchmarkPayloadParsesConsistently() throws Exception {
        byte[] body = io.alloytop.bench.AlloyLikePayload.generate(2 << 20, 20260101L);
        String text = new String(body, StandardCharsets.UTF_8);
        long sampleLines = text.lines().filter(l -> !l.startsWith("#")).count();
        MetricsSnapshot s = PromTextParser.parse(body);
        assertEquals(sampleLines, s.sampleCount());
        int series = 0;
        for (MetricFamily f : s.families()) {
            if (f.type() != MetricType.HISTOGRAM) continue;
            for (Sample count : s.samples(f.name() + "_count")) {
                Labels l = count.labels();
                double inf = s.first(f.name() + "_bucket", b -> b.get("le").equals("+Inf")
                        && b.size() == l.size() + 1 && matchesAll(b, l)).getAsDouble();
                assertEquals(count.value(), inf, f.name() + l);
                series++;
            }
        }
        assertTrue(series > 500, "histogram series: " + series);
    }

    private static boolean matchesAll(Labels outer, Labels inner) {
        for (int i = 0; i < inner.size(); i++) {
            if (!inner.value(i).equals(outer.get(inner.name(i)))) return false;
        }
        return true;
    }
}
