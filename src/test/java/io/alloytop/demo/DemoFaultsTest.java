package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoFaultsTest {
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    DemoAlloy demo;

    @AfterEach
    void stop() {
        if (demo != null) demo.close();
    }

    @Test
    void downRefusesConnectionsAndComesBackOnTheSamePort() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        String url = demo.baseUrl() + "/-/ready";
        demo.faults().down(true);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Http.get(url));
        assertTrue(e.getCause() instanceof ConnectException, "connection refused, got " + e.getCause());
        demo.faults().down(false);
        assertEquals(200, Http.get(url).status());
        assertEquals(url, demo.baseUrl() + "/-/ready");
    }

    @Test
    void slowStatus500GarbageAndTruncation() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        demo.faults().slowMillis(300);
        long t0 = System.nanoTime();
        Http.get(demo.baseUrl() + "/-/ready");
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 290);
        demo.faults().slowMillis(0);

        demo.faults().status500(true);
        Http.Reply r = Http.get(demo.baseUrl() + "/api/v0/web/components");
        assertEquals(500, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertTrue(r.text().length() > 5);
        demo.faults().status500(false);

        demo.faults().metricsGarbage(true);
        Http.Reply g = Http.get(demo.baseUrl() + "/metrics");
        assertEquals(200, g.status());
        assertThrows(IllegalArgumentException.class, () -> MetricsLines.parse(g.text()));
        demo.faults().metricsGarbage(false);

        demo.faults().metricsTruncated(true);
        Http.Reply t = Http.get(demo.baseUrl() + "/metrics");
        assertEquals(200, t.status());
        assertTrue(!t.text().endsWith("\n"), "cut mid-line");
        assertThrows(IllegalArgumentException.class, () -> MetricsLines.parse(t.text()));
        demo.faults().metricsTruncated(false);
        MetricsLines.parse(Http.get(demo.baseUrl() + "/metrics").text());
    }

    @Test
    void basicAuthGuardsEveryRoute() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withBasicAuth("admin", "s3cret"));
        for (String path : new String[] {"/metrics", "/-/ready", "/api/v0/web/components", "/debug/pprof/heap", "/anything"}) {
            Http.Reply r = Http.get(demo.baseUrl() + path);
            assertEquals(401, r.status(), path);
            assertEquals(0, r.body().length);
            assertEquals("Basic realm=\"Restricted\"", r.header("WWW-Authenticate"));
        }
        assertEquals(401, Http.get(demo.baseUrl() + "/metrics", "Authorization", Http.basic("admin", "wrong")).status());
        assertEquals(200, Http.get(demo.baseUrl() + "/metrics", "Authorization", Http.basic("admin", "s3cret")).status());
        demo.faults().authRequired(false);
        assertEquals(200, Http.get(demo.baseUrl() + "/metrics").status());
    }

    @Test
    void uiPrefixMovesOnlyTheWebApi() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withUiPrefix("/alloy"));
        Http.Reply moved = Http.get(demo.baseUrl() + "/alloy/api/v0/web/components");
        assertEquals(200, moved.status());
        assertTrue(moved.text().startsWith("["));
        Http.Reply old = Http.get(demo.baseUrl() + "/api/v0/web/components");
        assertEquals(404, old.status());
        assertEquals("404 page not found\n", old.text());
        assertEquals(200, Http.get(demo.baseUrl() + "/metrics").status());
        assertEquals(200, Http.get(demo.baseUrl() + "/-/ready").status());
        assertTrue(Http.get(demo.baseUrl() + "/alloy/graph").text().startsWith("<"));
    }

    @Test
    void notReadyAndHealthSwitches() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        demo.faults().notReady(true);
        Http.Reply r = Http.get(demo.baseUrl() + "/-/ready");
        assertEquals(503, r.status());
        assertEquals("Alloy is not ready.\n", r.text());
        demo.faults().setHealth("local.file.api_key", "healthy", "started component");
        assertEquals("All Alloy components are healthy.\n", Http.get(demo.baseUrl() + "/-/healthy").text());
        demo.faults().setHealth("self_monitor.main/prometheus.scrape.inner", "unhealthy", "boom");
        demo.faults().setHealth("prometheus.scrape.self", "exited", "component shut down with error: boom");
        assertEquals(200, Http.get(demo.baseUrl() + "/-/healthy").status(), "modules and exited are ignored by /-/healthy");
        assertThrows(IllegalArgumentException.class, () -> demo.faults().setHealth("nope.nope", "healthy", ""));
        assertThrows(IllegalArgumentException.class, () -> demo.faults().setHealth("prometheus.scrape.self", "sad", ""));
    }
}
