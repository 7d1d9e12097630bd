package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoMetricsTest {
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    DemoAlloy demo;

    @AfterEach
    void stop() {
        if (demo != null) demo.close();
    }

    Map<String, Double> scrape() {
        Http.Reply r = Http.get(demo.baseUrl() + "/metrics");
        assertEquals(200, r.status());
        return MetricsLines.parse(r.text());
    }

    @Test
    void servesTheTextFormatWithPromhttpsContentTypeAndGzip() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        Http.Reply plain = Http.get(demo.baseUrl() + "/metrics");
        assertEquals("text/plain; version=0.0.4; charset=utf-8; escaping=underscores", plain.header("Content-Type"));
        Map<String, Double> m = MetricsLines.parse(plain.text());
        assertEquals(1.0, MetricsLines.one(m, "alloy_build_info", "version=\"v1.18.0\""));
        Http.Reply gz = Http.get(demo.baseUrl() + "/metrics", "Accept-Encoding", "gzip;q=0.8, identity");
        assertEquals("gzip", gz.header("Content-Encoding"), "promhttp negotiates q-values, unlike the API routes");
        assertEquals("text/plain; version=0.0.4; charset=utf-8; escaping=underscores", gz.header("Content-Type"));
        MetricsLines.parse(new String(gz.gunzipped(), StandardCharsets.UTF_8));
        assertEquals(null, Http.get(demo.baseUrl() + "/metrics", "Accept-Encoding", "gzip;q=0").header("Content-Encoding"));
    }

    @Test
    void alloyFamiliesDescribeTheGraphAndConfig() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        Map<String, Double> m = scrape();
        assertEquals(1.0, MetricsLines.one(m, "alloy_component_controller_running_components", "controller_id=\"\"", "health_type=\"unhealthy\""));
        assertTrue(MetricsLines.one(m, "alloy_component_controller_running_components", "controller_id=\"\"", "health_type=\"healthy\"") > 15);
        assertFalse(m.keySet().stream().anyMatch(k -> k.contains("health_type=\"exited\"")), "only present states are exported");
        assertEquals(3.0, MetricsLines.one(m, "alloy_component_controller_running_components", "controller_id=\"self_monitor.main\""));
        assertEquals(2.0, MetricsLines.one(m, "alloy_component_controller_running_components", "controller_path=\"/foreach.hosts\"", "controller_id=\"foreach_web1_1\""));
        assertEquals(3.0, MetricsLines.one(m, "alloy_component_controller_running_components", "controller_id=\"remotecfg\""));
        assertEquals(1.0, MetricsLines.one(m, "alloy_config_last_load_successful"));
        assertEquals(0.0, MetricsLines.one(m, "alloy_config_load_failures_total"));
        assertEquals(1.0, MetricsLines.one(m, "alloy_config_hash", "cluster_name=\"\""));
        assertTrue(m.containsKey("alloy_component_evaluation_seconds_bucket{controller_id=\"\",controller_path=\"/\",le=\"+Inf\"}"));
        assertEquals(clock.instant().getEpochSecond(), MetricsLines.one(m, "process_start_time_seconds"));
        for (String f : new String[] {"go_goroutines", "go_memstats_heap_inuse_bytes", "process_resident_memory_bytes", "process_cpu_seconds_total",
                "alloy_resources_process_cpu_seconds_total", "go_threads"}) {
            MetricsLines.one(m, f);
        }
    }

    @Test
    void valuesMoveWithTheClockAndCountersNeverGoBack() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        Map<String, Double> a = scrape();
        clock.advance(Duration.ofSeconds(60));
        Map<String, Double> b = scrape();
        double cpu = MetricsLines.one(b, "process_cpu_seconds_total") - MetricsLines.one(a, "process_cpu_seconds_total");
        assertTrue(cpu >= 60 * 0.02 - 0.02 && cpu <= 60 * 0.08 + 0.02, "CPU 2–8 % of a core, got " + cpu);
        double rss = MetricsLines.one(b, "process_resident_memory_bytes") / 1024 / 1024;
        assertTrue(rss >= 80 && rss <= 150, "RSS " + rss);
        String rw = "component_id=\"prometheus.remote_write.grafana_cloud\"";
        assertTrue(MetricsLines.one(b, "prometheus_remote_storage_samples_total", rw) > MetricsLines.one(a, "prometheus_remote_storage_samples_total", rw));
        assertTrue(MetricsLines.one(b, "loki_write_sent_entries_total", "loki.write.grafana_cloud") > 0);
        assertTrue(MetricsLines.one(b, "otelcol_exporter_sent_spans_total", "otelcol.exporter.otlp.grafana_cloud") > 0);
        assertTrue(MetricsLines.one(b, "pyroscope_write_sent_profiles_total", "pyroscope.write.grafana_cloud") > 0);
        assertEquals(0.0, MetricsLines.one(b, "prometheus_remote_storage_samples_failed_total", rw));
        for (Map.Entry<String, Double> e : a.entrySet()) {
            if (e.getKey().contains("_total")) {
                assertTrue(b.get(e.getKey()) >= e.getValue(), "counter went back: " + e.getKey());
            }
        }
        assertEquals(2.0, MetricsLines.one(b, "prometheus_scrape_targets_gauge", "prometheus.scrape.self"));
        assertEquals("/self_monitor.main", "/self_monitor.main");
        assertTrue(b.keySet().stream().anyMatch(k -> k.contains("component_path=\"/self_monitor.main\"")));
    }

    @Test
    void sameSeedSameClockSameValues() throws Exception {
        DemoClock c1 = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
        DemoClock c2 = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
        try (DemoAlloy x = DemoAlloy.start(DemoOptions.defaults().withClock(c1).withSeed(7));
             DemoAlloy y = DemoAlloy.start(DemoOptions.defaults().withClock(c2).withSeed(7))) {
            c1.advance(Duration.ofSeconds(30));
            c2.advance(Duration.ofSeconds(30));
            x.world().advance();
            y.world().advance();
            String mx = Http.get(x.baseUrl() + "/metrics").text();
            String my = Http.get(y.baseUrl() + "/metrics").text().replace(":" + y.port(), ":" + x.port());
            assertEquals(mx, my);
        }
    }

    @Test
    void restartResetsCountersAndStartTime() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        clock.advance(Duration.ofMinutes(5));
        Map<String, Double> a = scrape();
        clock.advance(Duration.ofSeconds(10));
        demo.faults().restart();
        clock.advance(Duration.ofSeconds(2));
        Map<String, Double> b = scrape();
        assertNotEquals(MetricsLines.one(a, "process_start_time_seconds"), MetricsLines.one(b, "process_start_time_seconds"));
        assertTrue(MetricsLines.one(b, "process_cpu_seconds_total") < MetricsLines.one(a, "process_cpu_seconds_total"));
        String rw = "component_id=\"prometheus.remote_write.grafana_cloud\"";
        assertTrue(MetricsLines.one(b, "prometheus_remote_storage_samples_total", rw) < MetricsLines.one(a, "prometheus_remote_storage_samples_total", rw));
        assertTrue(demo.logs().linesSince(clock.instant().minusSeconds(3)).stream().anyMatch(l -> l.contains("msg=\"{^_^} Alloy is running\"")));
    }

    @Test
    void aQuickRestartStillMovesTheStartTimeByWholeSeconds() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        Map<String, Double> a = scrape();
        demo.faults().restart();
        Map<String, Double> b = scrape();
        assertTrue(MetricsLines.one(b, "alloy_resources_process_start_time_seconds") - MetricsLines.one(a, "alloy_resources_process_start_time_seconds") >= 2);
        assertTrue(MetricsLines.one(b, "process_start_time_seconds") - MetricsLines.one(a, "process_start_time_seconds") >= 2);
    }

    @Test
    void scaleOptionBuildsSixHundredComponentsAcrossThirtyModules() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withScale(600));
        int n = demo.world().componentIds().size();
        assertTrue(n >= 550 && n <= 650, "components: " + n);
        long modules = demo.world().componentIds().stream().map(id -> id.contains("/") ? id.substring(0, id.lastIndexOf('/')) : "")
                .distinct().count();
        assertTrue(modules >= 30, "modules: " + modules);
        Map<String, Double> m = scrape();
        assertTrue(m.size() > 3000, "series: " + m.size());
    }

    @Test
    void goFloatFormatting() throws Exception {
        assertEquals("0", Exposition.formatValue(0));
        assertEquals("21", Exposition.formatValue(21));
        assertEquals("100000", Exposition.formatValue(100000));
        assertEquals("1e+06", Exposition.formatValue(1_000_000));
        assertEquals("1.7637e+09", Exposition.formatValue(1.7637e9));
        assertEquals("0.005", Exposition.formatValue(0.005));
        assertEquals("1e-05", Exposition.formatValue(0.00001));
        assertEquals("+Inf", Exposition.formatValue(Double.POSITIVE_INFINITY));
        assertEquals("NaN", Exposition.formatValue(Double.NaN));
        assertEquals("9.223372036854776e+18", Exposition.formatValue(9.223372036854776e18));
    }
}
