package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scripted data-loss incidents of issue 7, as seen through /metrics, the detail API and the logs. */
class DemoIncidentsTest {
    static final String RW = "component_id=\"prometheus.remote_write.grafana_cloud\"";
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    DemoAlloy demo;

    @BeforeEach
    void start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        clock.advance(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    Map<String, Double> metrics() {
        return MetricsLines.parse(Http.get(demo.baseUrl() + "/metrics").text());
    }

    static double v(Map<String, Double> m, String family, String... f) {
        return MetricsLines.one(m, family, f);
    }

    @Test
    void aSteadyPipelineShowsNoFailuresOverTenMinutes() {
        Map<String, Double> a = metrics();
        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(10));
            Map<String, Double> b = metrics();
            for (Map.Entry<String, Double> e : b.entrySet()) {
                String k = e.getKey();
                if (k.contains("failed") || k.contains("dropped") || k.contains("retries") || k.contains("retried") || k.contains("parsing_errors")) {
                    assertEquals(0.0, e.getValue(), k);
                }
            }
            assertTrue(v(b, "prometheus_remote_storage_samples_total", RW) > v(a, "prometheus_remote_storage_samples_total", RW));
            double lag = v(b, "prometheus_remote_storage_highest_timestamp_in_seconds", RW) - v(b, "prometheus_remote_storage_queue_highest_sent_timestamp_seconds", RW);
            assertTrue(lag >= 0 && lag <= 3, "lag " + lag);
            a = b;
        }
        assertTrue(demo.logs().linesSince(Instant.EPOCH).stream().noneMatch(l -> l.contains("status 401") || l.contains("Scrape failed")));
    }

    @Test
    void aStalledWriterStaysHealthyWhileItsInputsFlow() throws Exception {
        demo.faults().stallWriter("prometheus.remote_write.grafana_cloud");
        Map<String, Double> a = metrics();
        clock.advance(Duration.ofSeconds(30));
        Map<String, Double> b = metrics();
        assertEquals(v(a, "prometheus_remote_storage_samples_total", RW), v(b, "prometheus_remote_storage_samples_total", RW));
        assertTrue(v(b, "prometheus_remote_storage_samples_in_total", RW) > v(a, "prometheus_remote_storage_samples_in_total", RW));
        assertTrue(v(b, "prometheus_remote_storage_samples_pending", RW) > v(a, "prometheus_remote_storage_samples_pending", RW));
        double lag = v(b, "prometheus_remote_storage_highest_timestamp_in_seconds", RW) - v(b, "prometheus_remote_storage_queue_highest_sent_timestamp_seconds", RW);
        assertTrue(lag >= 30, "lag grows: " + lag);
        String scrape = "component_id=\"prometheus.scrape.self\"";
        assertTrue(v(b, "prometheus_forwarded_samples_total", scrape) > v(a, "prometheus_forwarded_samples_total", scrape));
        assertEquals("healthy", demo.world().component("prometheus.remote_write.grafana_cloud").orElseThrow().state());
        demo.faults().clear("prometheus.remote_write.grafana_cloud");
        clock.advance(Duration.ofSeconds(10));
        assertTrue(v(metrics(), "prometheus_remote_storage_samples_total", RW) > v(b, "prometheus_remote_storage_samples_total", RW));
    }

    @Test
    void unauthorizedWriterFailsRetriesAndLogsThe401() {
        demo.faults().failWith401("prometheus.remote_write.grafana_cloud").failWith401("loki.write.grafana_cloud");
        Instant since = clock.instant();
        Map<String, Double> a = metrics();
        clock.advance(Duration.ofSeconds(20));
        Map<String, Double> b = metrics();
        assertEquals(v(a, "prometheus_remote_storage_samples_total", RW), v(b, "prometheus_remote_storage_samples_total", RW));
        assertTrue(v(b, "prometheus_remote_storage_samples_failed_total", RW) > v(a, "prometheus_remote_storage_samples_failed_total", RW));
        assertTrue(v(b, "prometheus_remote_storage_samples_retried_total", RW) > v(a, "prometheus_remote_storage_samples_retried_total", RW));
        String lw = "component_id=\"loki.write.grafana_cloud\"";
        assertTrue(v(b, "loki_write_batch_retries_total", lw) > 0);
        assertTrue(v(b, "loki_write_dropped_entries_total", lw, "reason=\"ingester_error\"") > 0);
        assertTrue(b.containsKey("loki_write_request_duration_seconds_count{component_id=\"loki.write.grafana_cloud\",component_path=\"/\",host=\"logs-prod-006.grafana.net\",status_code=\"401\",tenant=\"\"}"));
        assertTrue(demo.logs().linesSince(since).stream().anyMatch(l -> l.contains("level=warn msg=\"Failed to send batch, retrying\" component_path=/ component_id=prometheus.remote_write.grafana_cloud")
                && l.contains("401 Unauthorized")));
        assertTrue(demo.logs().linesSince(since).stream().anyMatch(l -> l.contains("component_id=loki.write.grafana_cloud") && l.contains("status=401")));
    }

    @Test
    void dropsStartOnWritersAndParseErrorsOnTheJournal() {
        demo.faults().startDrops("loki.write.grafana_cloud").startDrops("loki.source.journal.system");
        Map<String, Double> a = metrics();
        assertTrue(a.keySet().stream().noneMatch(k -> k.startsWith("loki_source_journal_target_parsing_errors_total")), "absent until the first error");
        clock.advance(Duration.ofSeconds(20));
        Map<String, Double> b = metrics();
        String lw = "component_id=\"loki.write.grafana_cloud\"";
        assertTrue(v(b, "loki_write_dropped_entries_total", lw, "reason=\"rate_limited\"") > v(a, "loki_write_dropped_entries_total", lw, "reason=\"rate_limited\""));
        assertTrue(v(b, "loki_write_sent_entries_total", lw) > v(a, "loki_write_sent_entries_total", lw), "drops are partial");
        assertTrue(v(b, "loki_source_journal_target_parsing_errors_total", "loki.source.journal.system") > 0);
    }

    @Test
    void aTargetGoesDownInTheDebugInfoAndTheLogs() throws Exception {
        Map<String, Double> a = metrics();
        clock.advance(Duration.ofSeconds(30));
        Map<String, Double> b = metrics();
        demo.faults().targetDown("prometheus.scrape.self");
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        Map<String, Double> c = metrics();
        String s = "component_id=\"prometheus.scrape.self\"";
        double before = v(b, "prometheus_forwarded_samples_total", s) - v(a, "prometheus_forwarded_samples_total", s);
        double during = v(c, "prometheus_forwarded_samples_total", s) - v(b, "prometheus_forwarded_samples_total", s);
        assertTrue(during < before * 0.75, "fewer samples with a target down: " + before + " → " + during);
        JsonNode d = new ObjectMapper().readTree(Http.get(demo.baseUrl() + "/api/v0/web/components/prometheus.scrape.self").body());
        JsonNode t0 = d.get("debugInfo").get(0);
        assertEquals("down", DemoRoutesTest.attr(t0, "health").at("/value/value").asText());
        assertTrue(DemoRoutesTest.attr(t0, "last_error").at("/value/value").asText().contains("connection refused"));
        assertEquals("up", DemoRoutesTest.attr(d.get("debugInfo").get(1), "health").at("/value/value").asText());
        assertTrue(demo.logs().linesSince(since).stream().anyMatch(l -> l.contains("msg=\"Scrape failed\"") && l.contains("component_id=prometheus.scrape.self")));
    }

    @Test
    void slowEvaluationsAndAGrowingQueue() {
        demo.faults().slowEvaluation("prometheus.scrape.self", 75).evaluationQueueSize(12);
        Map<String, Double> m = metrics();
        assertEquals(75.0, v(m, "alloy_component_evaluation_slow_seconds", "component_id=\"prometheus.scrape.self\""));
        assertEquals(12.0, v(m, "alloy_component_evaluation_queue_size", "controller_id=\"\""));
        assertTrue(v(m, "alloy_component_evaluation_seconds_bucket", "controller_id=\"\"", "le=\"120\"")
                > v(m, "alloy_component_evaluation_seconds_bucket", "controller_id=\"\"", "le=\"60\""));
    }

    @Test
    void anExitedComponentComesBackOnAnyReload() {
        demo.faults().setHealth("prometheus.scrape.self", "exited", "component shut down with error: boom");
        assertEquals("exited", demo.world().component("prometheus.scrape.self").orElseThrow().state());
        assertEquals(200, Http.send("POST", demo.baseUrl() + "/-/reload").status());
        assertEquals("healthy", demo.world().component("prometheus.scrape.self").orElseThrow().state());
        assertEquals("unhealthy", demo.world().component("local.file.api_key").orElseThrow().state(), "declared health stays");
    }

    @Test
    void incidentsOnUnknownOrWrongComponentsAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> demo.faults().stallWriter("nope.nope"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> demo.faults().stallWriter("prometheus.scrape.self"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> demo.faults().targetDown("loki.write.grafana_cloud"));
    }
}
