package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reload semantics of facts §3 and the API lock of §0.6. */
class DemoReloadTest {
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    final AtomicReference<LoadOutcome> next = new AtomicReference<>(new LoadOutcome.Ok(BuiltinConfig.components(0)));
    DemoAlloy demo;

    @AfterEach
    void stop() {
        if (demo != null) demo.close();
    }

    DemoAlloy start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withConfigLoader(next::get));
        return demo;
    }

    Map<String, Double> metrics() {
        return MetricsLines.parse(Http.get(demo.baseUrl() + "/metrics").text());
    }

    @Test
    void successfulReload() throws Exception {
        start();
        Http.Reply r = Http.send("POST", demo.baseUrl() + "/-/reload");
        assertEquals(200, r.status());
        assertEquals("config reloaded\n", r.text());
        assertEquals(200, Http.get(demo.baseUrl() + "/-/reload").status(), "GET reloads too");
        assertTrue(demo.logs().linesSince(clock.instant()).stream().anyMatch(l -> l.contains("msg=\"reload requested via /-/reload endpoint\" service=http")));
    }

    @Test
    void syntaxErrorChangesNothingButTheConfigMetrics() throws Exception {
        start();
        String hashBefore = demo.world().configHash();
        List<String> before = demo.world().componentIds();
        clock.advance(Duration.ofSeconds(30));
        next.set(new LoadOutcome.SyntaxError("/etc/alloy/config.alloy", "/etc/alloy/config.alloy:12:3: expected TERMINATOR, got IDENT (and 2 more diagnostics)"));
        Http.Reply r = Http.send("POST", demo.baseUrl() + "/-/reload");
        assertEquals(400, r.status());
        assertEquals("reading config path \"/etc/alloy/config.alloy\": /etc/alloy/config.alloy:12:3: expected TERMINATOR, got IDENT (and 2 more diagnostics)\n", r.text());
        assertEquals(before, demo.world().componentIds());
        Map<String, Double> m = metrics();
        assertEquals(0.0, MetricsLines.one(m, "alloy_config_last_load_successful"));
        assertEquals(1.0, MetricsLines.one(m, "alloy_config_load_failures_total"));
        assertEquals(clock.instant().getEpochSecond() - 30, MetricsLines.one(m, "alloy_config_last_load_success_timestamp_seconds"), 0.001);
        assertFalse(hashBefore.equals(demo.world().configHash()), "the hash is of the rejected files");
        assertTrue(demo.logs().linesSince(clock.instant()).stream().anyMatch(l -> l.contains("level=error msg=\"failed to reload config\"")));

        next.set(new LoadOutcome.Ok(BuiltinConfig.components(0)));
        assertEquals(200, Http.send("POST", demo.baseUrl() + "/-/reload").status());
        assertEquals(1.0, MetricsLines.one(metrics(), "alloy_config_last_load_successful"));
        assertEquals(1.0, MetricsLines.one(metrics(), "alloy_config_load_failures_total"));
    }

    @Test
    void evaluationErrorAppliesTheNewGraphAndStillReportsSuccess() throws Exception {
        start();
        clock.advance(Duration.ofSeconds(30));
        List<ComponentDecl> decls = new ArrayList<>(BuiltinConfig.components(0));
        decls.removeIf(d -> d.globalID().equals("pyroscope.scrape.alloy"));
        decls.add(ComponentDecl.of("prometheus.remote_write", "broken")
                .withHealth("unhealthy", "component evaluation failed: decoding configuration: missing required attribute \"url\""));
        next.set(new LoadOutcome.EvalError("/etc/alloy/config.alloy:40:1: Failed to build component: decoding configuration: missing required attribute \"url\"", decls));
        Http.Reply r = Http.send("POST", demo.baseUrl() + "/-/reload");
        assertEquals(400, r.status());
        assertTrue(r.text().startsWith("error during the initial load: /etc/alloy/config.alloy:40:1: Failed to build component"));
        assertTrue(demo.world().componentIds().contains("prometheus.remote_write.broken"));
        assertFalse(demo.world().componentIds().contains("pyroscope.scrape.alloy"));
        Map<String, Double> m = metrics();
        assertEquals(1.0, MetricsLines.one(m, "alloy_config_last_load_successful"), "facts §0.5: evaluation errors keep the metric at 1");
        assertEquals(0.0, MetricsLines.one(m, "alloy_config_load_failures_total"));
        assertEquals(clock.instant().getEpochSecond(), MetricsLines.one(m, "alloy_config_last_load_success_timestamp_seconds"), 0.001);
    }

    @Test
    void addedWritersGetMovingCountersAndRemovedOnesDisappear() throws Exception {
        start();
        List<ComponentDecl> decls = new ArrayList<>(BuiltinConfig.components(0));
        decls.add(ComponentDecl.of("prometheus.exporter.self", "alloytop"));
        decls.add(ComponentDecl.of("prometheus.scrape", "alloytop").referencing("prometheus.exporter.self.alloytop", "prometheus.remote_write.alloytop"));
        decls.add(ComponentDecl.of("prometheus.remote_write", "alloytop").withArguments(Map.of("endpoint{}", Map.of("url", "https://example/api/prom/push"))));
        decls.add(ComponentDecl.of("loki.write", "alloytop"));
        next.set(new LoadOutcome.Ok(decls));
        assertEquals(200, Http.send("POST", demo.baseUrl() + "/-/reload").status());
        clock.advance(Duration.ofSeconds(20));
        Map<String, Double> m = metrics();
        assertTrue(MetricsLines.one(m, "prometheus_remote_storage_samples_total", "component_id=\"prometheus.remote_write.alloytop\"") > 0);
        assertTrue(MetricsLines.one(m, "loki_write_sent_entries_total", "component_id=\"loki.write.alloytop\"") > 0);
        assertEquals(0.0, MetricsLines.one(m, "prometheus_remote_storage_samples_failed_total", "component_id=\"prometheus.remote_write.alloytop\""));
        assertEquals("https://example/api/prom/push", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Http.get(demo.baseUrl() + "/api/v0/web/components/prometheus.remote_write.alloytop").body())
                .at("/arguments/0/body/0/value/value").asText());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Http.get(demo.baseUrl() + "/api/v0/web/components/prometheus.scrape.alloytop").body())
                .get("dataFlowEdgesTo").toString().contains("prometheus.remote_write.alloytop"));

        demo.faults().rejectNewWriterCredentials(true);
        decls.add(ComponentDecl.of("pyroscope.write", "alloytop"));
        next.set(new LoadOutcome.Ok(decls));
        assertEquals(200, Http.send("POST", demo.baseUrl() + "/-/reload").status());
        clock.advance(Duration.ofSeconds(30));
        m = metrics();
        assertEquals(0.0, MetricsLines.one(m, "pyroscope_write_sent_profiles_total", "pyroscope.write.alloytop"));
        assertTrue(MetricsLines.one(m, "pyroscope_write_dropped_profiles_total", "pyroscope.write.alloytop") > 0);
        assertTrue(demo.logs().linesSince(clock.instant().minusSeconds(30)).stream()
                .anyMatch(l -> l.contains("component_id=pyroscope.write.alloytop") && l.contains("401")));

        decls.removeIf(d -> d.name().equals("loki.write") && d.label().equals("alloytop"));
        next.set(new LoadOutcome.Ok(decls));
        assertEquals(200, Http.send("POST", demo.baseUrl() + "/-/reload").status());
        assertFalse(metrics().keySet().stream().anyMatch(k -> k.contains("loki.write.alloytop")));
    }

    @Test
    void aReloadBlocksTheComponentApiWhileItHoldsTheLock() throws Exception {
        start();
        demo.faults().reloadHoldMillis(800);
        CompletableFuture<Http.Reply> reload = CompletableFuture.supplyAsync(() -> Http.send("POST", demo.baseUrl() + "/-/reload"));
        Thread.sleep(150);
        long t0 = System.nanoTime();
        Http.Reply list = Http.get(demo.baseUrl() + "/api/v0/web/components");
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, list.status());
        assertTrue(waited >= 400, "list waited " + waited + " ms for the reload");
        assertEquals(200, reload.get().status());
        long t1 = System.nanoTime();
        Http.get(demo.baseUrl() + "/metrics");
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 400, "metrics do not take the API lock");
    }

    @Test
    void aFailingFirstLoadMeansNoServer() {
        next.set(new LoadOutcome.SyntaxError("/etc/alloy/config.alloy", "/etc/alloy/config.alloy:1:1: expected block"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, this::start);
        assertTrue(e.getMessage().contains("could not perform the initial load successfully"));
    }
}
