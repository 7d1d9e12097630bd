package io.alloytop.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.testing.FakeHttp;
import io.alloytop.testing.Ports;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpAlloyClientTest {
    private FakeHttp server;

    @BeforeEach
    void start() throws Exception {
        server = FakeHttp.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String comp(String name, String label, String module, String state, String msg, String... created) {
        String mods = created.length == 0 ? "" : ",\"createdModuleIDs\":[" + List.of(created).stream()
                .map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]";
        return "{\"name\":\"" + name + "\",\"type\":\"block\",\"localID\":\"" + name + "." + label
                + "\",\"moduleID\":\"" + module + "\",\"label\":\"" + label + "\",\"referencesTo\":[],"
                + "\"referencedBy\":[],\"dataFlowEdgesTo\":[],\"health\":{\"state\":\"" + state
                + "\",\"message\":\"" + msg + "\",\"updatedTime\":\"2026-08-21T13:41:07.552018341Z\"},"
                + "\"original\":\"\",\"arguments\":[],\"exports\":[],\"debugInfo\":[],\"liveDebuggingEnabled\":true"
                + mods + "}";
    }

    private HttpAlloyClient client(ConnectionSettings s) {
        Result<HttpAlloyClient> r = HttpAlloyClient.create(s);
        assertTrue(r.isOk(), () -> String.valueOf(r.failureOrNull()));
        return r.orNull();
    }

    private HttpAlloyClient client() {
        return client(ConnectionSettings.of(server.url()).withTimeout(Duration.ofSeconds(2)));
    }

    private static Failure.Kind kind(Result<?> r) {
        assertFalse(r.isOk(), () -> "expected a failure, got " + r);
        return r.failureOrNull().kind();
    }

    @Test
    void jsonSentAsTextPlainIsParsedByPath() {
        server.textJson("/api/v0/web/components", "[" + comp("local.file", "api_key", "", "unhealthy",
                "failed to read file") + "," + comp("prometheus.scrape", "default", "", "healthy", "started component") + "]");
        try (HttpAlloyClient c = client()) {
            List<Component> list = c.allComponents().orNull();
            assertEquals(2, list.size());
            assertEquals("local.file.api_key", list.get(0).globalID());
            assertEquals(HealthState.UNHEALTHY, list.get(0).health().state());
            assertEquals("failed to read file", list.get(0).health().message());
            assertTrue(list.get(1).liveDebuggingEnabled());
        }
    }

    @Test
    void gzipWithoutContentTypeIsParsed() {
        String body = "[" + comp("prometheus.scrape", "default", "", "healthy", "ok") + "]";
        server.route("/api/v0/web/components", ex -> FakeHttp.sendGzipNoType(ex, body));
        try (HttpAlloyClient c = client()) {
            List<Component> list = c.allComponents().orNull();
            assertEquals(1, list.size());
            assertEquals("prometheus.scrape.default", list.get(0).globalID());
        }
        // OkHttp asked for exactly "gzip", so the body really travelled compressed
        assertEquals(List.of("gzip"), server.headers.get(0).get("Accept-encoding"));
    }

    @Test
    void htmlFallbackMeansNotSupported() {
        // no route for peers: the fake answers like Alloy's SPA fallback, 200 + index.html
        try (HttpAlloyClient c = client()) {
            Result<List<Peer>> r = c.peers();
            assertEquals(Failure.Kind.NOT_SUPPORTED, kind(r));
            assertTrue(r.failureOrNull().message().contains("does not serve the cluster peer list"),
                    r.failureOrNull().message());
            assertEquals(Failure.Kind.NOT_SUPPORTED, kind(c.healthy()));
            assertEquals(Failure.Kind.NOT_SUPPORTED, kind(c.getBytes("/debug/pprof/heap", Duration.ofSeconds(1))));
        }
    }

    @Test
    void walksModulesRecursivelyIncludingForeachAndNesting() {
        server.textJson("/api/v0/web/components", "["
                + comp("self_monitor", "main", "", "healthy", "started custom component", "self_monitor.main") + ","
                + comp("foreach", "hosts", "", "healthy", "ok", "foreach.hosts/foreach_web1_1") + "]");
        server.textJson("/api/v0/web/modules/self_monitor.main/components", "["
                + comp("prometheus.scrape", "x", "self_monitor.main", "healthy", "ok") + ","
                + comp("inner", "y", "self_monitor.main", "healthy", "ok", "self_monitor.main/inner.y") + "]");
        server.textJson("/api/v0/web/modules/self_monitor.main/inner.y/components", "["
                + comp("local.file", "deep", "self_monitor.main/inner.y", "exited", "component shut down") + "]");
        server.textJson("/api/v0/web/modules/foreach.hosts/foreach_web1_1/components", "["
                + comp("prometheus.scrape", "each", "foreach.hosts/foreach_web1_1", "healthy", "ok") + "]");
        server.status("/api/v0/web/remotecfg/components", 500, "remote config service startup in progress\n");
        try (HttpAlloyClient c = client()) {
            Result<List<Component>> r = c.allComponents();
            assertTrue(r.isOk(), () -> r.failureOrNull().message());
            List<String> ids = r.orNull().stream().map(Component::globalID).collect(Collectors.toList());
            assertEquals(List.of("self_monitor.main", "foreach.hosts", "self_monitor.main/prometheus.scrape.x",
                    "self_monitor.main/inner.y", "foreach.hosts/foreach_web1_1/prometheus.scrape.each",
                    "self_monitor.main/inner.y/local.file.deep"), ids);
        }
    }

    /**
     * {@code n} foreach modules at the root, each holding one prometheus.scrape; every module list
     * is answered after {@code sleepMs}, with {@code before} and {@code after} run around the sleep.
     */
    private void foreachModules(int n, long sleepMs, Runnable before, Runnable after) {
        StringBuilder root = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            String mod = "foreach.hosts/foreach_h" + i + "_1";
            if (i > 0) root.append(',');
            root.append(comp("foreach", "hosts" + i, "", "healthy", "ok", mod));
            String body = "[" + comp("prometheus.scrape", "s", mod, "healthy", "ok") + "]";
            server.route("/api/v0/web/modules/" + mod + "/components", ex -> {
                before.run();
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                after.run();
                FakeHttp.send(ex, 200, "text/plain; charset=utf-8", body);
            });
        }
        server.textJson("/api/v0/web/components", root.append(']').toString());
        server.textJson("/api/v0/web/remotecfg/components", "[]");
    }

    @Test
    void manyModulesAreFetchedAFewAtATimeInAStableOrder() {
        foreachModules(8, 300, () -> {}, () -> {});
        try (HttpAlloyClient c = client()) {
            long t0 = System.nanoTime();
            List<Component> all = c.allComponents().orNull();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(16, all.size());
            for (int i = 0; i < 8; i++) {
                assertEquals("foreach.hosts/foreach_h" + i + "_1/prometheus.scrape.s", all.get(8 + i).globalID());
            }
            assertTrue(ms < 8 * 300, "8 slow module lists took " + ms + " ms: not overlapped");
        }
    }

    @Test
    void quickModuleListsAreFetchedOneAtATime() {
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        foreachModules(3, 1, () -> most.accumulateAndGet(inFlight.incrementAndGet(), Math::max), inFlight::decrementAndGet);
        try (HttpAlloyClient c = client()) {
            assertTrue(c.walkInParallel(3), "no round trip measured yet: overlap");
            assertEquals(6, c.allComponents().orNull().size()); // the first walk overlaps
            for (int i = 0; i < 200 && c.walkInParallel(3); i++) c.allComponents();
            assertFalse(c.walkInParallel(3), "round trips over loopback take about a millisecond");
            most.set(0);
            assertEquals(6, c.allComponents().orNull().size());
            assertEquals(1, most.get(), "one list at a time");
        }
    }

    @Test
    void remoteConfigComponentsAndModulesAreIncludedAndErrorsTolerated() {
        server.textJson("/api/v0/web/components", "[" + comp("local.file", "a", "", "healthy", "ok") + "]");
        server.textJson("/api/v0/web/remotecfg/components", "["
                + comp("self_monitor", "rc", "remotecfg", "healthy", "ok", "remotecfg/self_monitor.rc") + "]");
        server.textJson("/api/v0/web/remotecfg/modules/remotecfg/self_monitor.rc/components", "["
                + comp("prometheus.scrape", "r", "remotecfg/self_monitor.rc", "unhealthy", "boom") + "]");
        try (HttpAlloyClient c = client()) {
            List<String> ids = c.allComponents().orNull().stream().map(Component::globalID).collect(Collectors.toList());
            assertEquals(List.of("local.file.a", "remotecfg/self_monitor.rc",
                    "remotecfg/self_monitor.rc/prometheus.scrape.r"), ids);
        }
        for (String answer : List.of("remote config service not available", "remote config service startup in progress")) {
            server.status("/api/v0/web/remotecfg/components", 500, answer + "\n");
            try (HttpAlloyClient c = client()) {
                assertEquals(1, c.allComponents().orNull().size(), answer);
            }
        }
        server.textJson("/api/v0/web/remotecfg/components", "[]");
        try (HttpAlloyClient c = client()) {
            assertEquals(1, c.allComponents().orNull().size());
        }
        server.routes.remove("/api/v0/web/remotecfg/components"); // older Alloy: SPA fallback
        try (HttpAlloyClient c = client()) {
            assertEquals(1, c.allComponents().orNull().size());
        }
    }

    @Test
    void moduleThatVanishedDuringReloadIsSkipped() {
        server.textJson("/api/v0/web/components", "["
                + comp("self_monitor", "main", "", "healthy", "ok", "self_monitor.main") + "]");
        server.status("/api/v0/web/modules/self_monitor.main/components", 500, "module not found\n");
        server.textJson("/api/v0/web/remotecfg/components", "[]");
        try (HttpAlloyClient c = client()) {
            assertEquals(1, c.allComponents().orNull().size());
        }
    }

    @Test
    void detailByGlobalIdKeepsSlashesAndRoutesRemoteConfig() {
        String inner = comp("prometheus.scrape", "x", "self_monitor.main", "healthy", "ok")
                .replace("\"arguments\":[]", "\"arguments\":[{\"name\":\"scrape_interval\",\"type\":\"attr\","
                        + "\"value\":{\"type\":\"string\",\"value\":\"15s\"}}]");
        server.textJson("/api/v0/web/components/self_monitor.main/prometheus.scrape.x", inner);
        server.textJson("/api/v0/web/remotecfg/components/remotecfg/local.file.r",
                comp("local.file", "r", "remotecfg", "healthy", "ok"));
        server.status("/api/v0/web/components/gone.component", 404, "404 page not found\n");
        try (HttpAlloyClient c = client()) {
            Component d = c.component("self_monitor.main/prometheus.scrape.x").orNull();
            assertEquals("self_monitor.main", d.moduleID());
            assertEquals("15s", d.arguments().get(0).path("value").path("value").asText());
            assertEquals("remotecfg/local.file.r", c.component("remotecfg/local.file.r").orNull().globalID());
            Result<Component> gone = c.component("gone.component");
            assertEquals(Failure.Kind.HTTP_STATUS, kind(gone));
            assertTrue(gone.failureOrNull().message().contains("not found"));
        }
    }

    @Test
    void uiPrefixMovesOnlyTheWebApi() {
        server.textJson("/alloy/ui/api/v0/web/components", "[" + comp("local.file", "a", "", "healthy", "ok") + "]");
        server.textJson("/alloy/ui/api/v0/web/remotecfg/components", "[]");
        server.status("/-/ready", 200, "Alloy is ready.\n");
        server.status("/metrics", 200, "alloy_build_info{version=\"v1.18.0\"} 1\n");
        ConnectionSettings s = new ConnectionSettings(server.url(), "/alloy/ui/", null, null, null, null, null, null,
                false, Duration.ofSeconds(2));
        try (HttpAlloyClient c = client(s)) {
            assertEquals(1, c.allComponents().orNull().size());
            assertEquals(true, c.ready().orNull());
            assertEquals("v1.18.0", AlloyIdentity.version(c.metrics().orNull()));
        }
        assertTrue(server.requests.contains("GET /alloy/ui/api/v0/web/components"), server.requests.toString());
        assertTrue(server.requests.contains("GET /-/ready"));
        assertTrue(server.requests.contains("GET /metrics"));
    }

    @Test
    void basicAuthRefusedThenAccepted() {
        String good = "Basic " + Base64.getEncoder().encodeToString("admin:s3cret-pass".getBytes(StandardCharsets.UTF_8));
        server.route("/-/ready", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (good.equals(auth)) {
                FakeHttp.send(ex, 200, "text/plain", "Alloy is ready.\n");
            } else {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Restricted\"");
                // a misbehaving proxy echoing the header back must not leak the password
                FakeHttp.send(ex, 401, "text/plain", auth == null ? "" : "bad " + auth);
            }
        });
        try (HttpAlloyClient c = client()) {
            Result<Boolean> r = c.ready();
            assertEquals(Failure.Kind.AUTH, kind(r));
            assertTrue(r.failureOrNull().message().contains("--username"), r.failureOrNull().message());
            assertTrue(r.failureOrNull().message().contains("--password-file"), r.failureOrNull().message());
        }
        ConnectionSettings wrong = new ConnectionSettings(server.url(), "/", "admin", "wrong-pass", null, null, null,
                null, false, Duration.ofSeconds(2));
        try (HttpAlloyClient c = client(wrong)) {
            Result<Boolean> r = c.ready();
            assertEquals(Failure.Kind.AUTH, kind(r));
            assertTrue(r.failureOrNull().message().contains("rejected the credentials for user 'admin'"));
            assertFalse(r.failureOrNull().message().contains("wrong-pass"));
        }
        ConnectionSettings right = new ConnectionSettings(server.url(), "/", "admin", "s3cret-pass", null, null, null,
                null, false, Duration.ofSeconds(2));
        try (HttpAlloyClient c = client(right)) {
            assertEquals(true, c.ready().orNull());
        }
    }

    @Test
    void bearerTokenIsSent() {
        server.route("/-/ready", ex -> FakeHttp.send(ex,
                "Bearer tok-123456".equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 403,
                "text/plain", "x"));
        ConnectionSettings s = new ConnectionSettings(server.url(), "/", null, null, "tok-123456", null, null, null,
                false, Duration.ofSeconds(2));
        try (HttpAlloyClient c = client(s)) {
            assertEquals(true, c.ready().orNull());
        }
        try (HttpAlloyClient c = client()) {
            assertEquals(Failure.Kind.AUTH, kind(c.ready()));
        }
    }

    @Test
    void serverErrorCarriesShortSanitisedBody() {
        server.status("/api/v0/web/components", 500, "boom\u001b[31m " + "x".repeat(5000));
        try (HttpAlloyClient c = client()) {
            Result<List<Component>> r = c.allComponents();
            assertEquals(Failure.Kind.HTTP_STATUS, kind(r));
            String m = r.failureOrNull().message();
            assertTrue(m.startsWith("HTTP 500 from /api/v0/web/components: boom"), m);
            assertFalse(m.contains("\u001b"));
            assertTrue(m.length() < 300, m);
        }
    }

    @Test
    void badJsonReportsLineAndColumn() {
        server.textJson("/api/v0/web/components", "[\n  {\"name\": }\n]");
        try (HttpAlloyClient c = client()) {
            Result<List<Component>> r = c.allComponents();
            assertEquals(Failure.Kind.BAD_RESPONSE, kind(r));
            assertTrue(r.failureOrNull().message().contains("line 2, column 12"), r.failureOrNull().message());
        }
    }

    @Test
    void decodesLenientlyOldAndNewShapes() {
        // 1.0-era entry: no dataFlowEdgesTo/liveDebuggingEnabled; plus unknown fields and odd shapes
        server.textJson("/api/v0/web/components", "[{\"name\":\"local.file\",\"localID\":\"local.file.a\","
                + "\"moduleID\":\"\",\"health\":{\"state\":\"degraded-new-state\"},\"referencesTo\":null,"
                + "\"brandNewField\":{\"x\":1}},{\"name\":\"x\",\"localID\":\"x.y\",\"health\":\"weird\"}, 7]");
        server.textJson("/api/v0/web/remotecfg/components", "[]");
        try (HttpAlloyClient c = client()) {
            List<Component> l = c.allComponents().orNull();
            assertEquals(2, l.size());
            assertEquals(HealthState.UNKNOWN, l.get(0).health().state());
            assertEquals(List.of(), l.get(0).dataFlowEdgesTo());
            assertFalse(l.get(0).liveDebuggingEnabled());
            assertEquals(HealthState.UNKNOWN, l.get(1).health().state());
            assertTrue(l.get(1).arguments().isArray());
        }
    }

    @Test
    void metricsGzipParsedAndIdentityChecked() {
        String text = "# TYPE alloy_build_info gauge\nalloy_build_info{version=\"v1.18.0\",goos=\"linux\"} 1\n"
                + "process_cpu_seconds_total 12.5\n";
        server.route("/metrics", ex -> FakeHttp.sendGzipNoType(ex, text));
        try (HttpAlloyClient c = client()) {
            MetricsSnapshot m = c.metrics().orNull();
            assertEquals(12.5, m.first("process_cpu_seconds_total").getAsDouble());
            assertTrue(AlloyIdentity.isAlloy(m));
            assertEquals(null, AlloyIdentity.notAlloy(m, c.baseUrl()));
        }
        server.route("/metrics", ex -> FakeHttp.sendGzipNoType(ex,
                "prometheus_build_info{version=\"2.42.0\"} 1\ngo_goroutines 30\n"));
        try (HttpAlloyClient c = client()) {
            Failure f = AlloyIdentity.notAlloy(c.metrics().orNull(), c.baseUrl());
            assertEquals(Failure.Kind.NOT_ALLOY, f.kind());
            assertTrue(f.message().contains("no alloy_build_info"), f.message());
            assertTrue(f.message().contains("prometheus 2.42.0"), f.message());
        }
    }

    @Test
    void badMetricsReportLineAndColumn() {
        server.status("/metrics", 200, "alloy_build_info{version=\"v1\"} 1\ngo_goroutines{a=\"b\" 12\n");
        try (HttpAlloyClient c = client()) {
            Result<MetricsSnapshot> r = c.metrics();
            assertEquals(Failure.Kind.BAD_RESPONSE, kind(r));
            assertTrue(r.failureOrNull().message().contains("line 2"), r.failureOrNull().message());
        }
    }

    @Test
    void metricsLargerThanTheLimitIsTooLarge() {
        server.route("/metrics", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream o = ex.getResponseBody()) {
                for (long n = 0; n <= HttpAlloyClient.MAX_METRICS_BYTES + line.length; n += line.length) o.write(line);
            }
        });
        try (HttpAlloyClient c = client(ConnectionSettings.of(server.url()).withTimeout(Duration.ofSeconds(20)))) {
            Result<MetricsSnapshot> r = c.metrics();
            assertEquals(Failure.Kind.TOO_LARGE, kind(r));
            assertTrue(r.failureOrNull().message().contains("32 MiB"), r.failureOrNull().message());
        }
    }

    @Test
    void readyReloadHealthyAndPeers() {
        server.status("/-/ready", 503, "Alloy is not ready.\n");
        server.status("/-/healthy", 500, "unhealthy components: local.file\n");
        server.route("/-/reload", ex -> FakeHttp.send(ex, ex.getRequestMethod().equals("POST") ? 400 : 405,
                "text/plain", "reading config path \"/etc/alloy/config.alloy\": 12:3: expected TERMINATOR\n"));
        server.textJson("/api/v0/web/peers", "[{\"name\":\"alloy-0\",\"addr\":\"127.0.0.1:12345\",\"isSelf\":true,"
                + "\"state\":\"participant\"}]");
        try (HttpAlloyClient c = client()) {
            assertEquals(false, c.ready().orNull());
            Result<String> h = c.healthy();
            assertEquals(Failure.Kind.HTTP_STATUS, kind(h));
            assertTrue(h.failureOrNull().message().contains("unhealthy components: local.file"));
            Result<String> rl = c.reload();
            assertEquals(Failure.Kind.HTTP_STATUS, kind(rl));
            assertTrue(rl.failureOrNull().message().contains("expected TERMINATOR"), rl.failureOrNull().message());
            assertEquals(List.of(new Peer("alloy-0", "127.0.0.1:12345", true, "participant")), c.peers().orNull());
        }
        server.status("/-/reload", 200, "config reloaded\n");
        try (HttpAlloyClient c = client()) {
            assertEquals("config reloaded", c.reload().orNull());
        }
    }

    @Test
    void getBytesPassesQueryAndReturnsRawBytes() {
        byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0};
        server.route("/debug/pprof/profile", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, gz.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(gz);
            }
        });
        try (HttpAlloyClient c = client()) {
            byte[] b = c.getBytes("/debug/pprof/profile?seconds=1", Duration.ofSeconds(3)).orNull();
            assertEquals(gz.length, b.length);
            assertEquals(0x1f, b[0]);
        }
        assertTrue(server.requests.contains("GET /debug/pprof/profile?seconds=1"), server.requests.toString());
    }

    @Test
    void slowServerTimesOutWithinTheTimeout() {
        server.route("/metrics", ex -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (HttpAlloyClient c = client(ConnectionSettings.of(server.url()).withTimeout(Duration.ofMillis(400)))) {
            long t0 = System.nanoTime();
            Result<MetricsSnapshot> r = c.metrics();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Failure.Kind.TIMEOUT, kind(r));
            assertTrue(ms < 1500, "took " + ms + " ms");
            assertTrue(r.failureOrNull().message().contains("within 400ms"), r.failureOrNull().message());
        }
    }

    @Test
    void refusedPortFailsFastWithAHint() {
        int port = Ports.free();
        try (HttpAlloyClient c = client(ConnectionSettings.of("http://127.0.0.1:" + port)
                .withTimeout(Duration.ofSeconds(5)))) {
            long t0 = System.nanoTime();
            Result<Boolean> r = c.ready();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Failure.Kind.REFUSED, kind(r));
            assertEquals("connection refused: is Alloy running on 127.0.0.1:" + port + "?", r.failureOrNull().message());
            assertTrue(ms < 1000, "took " + ms + " ms");
        }
    }

    @Test
    void unresolvableHostIsDns() {
        try (HttpAlloyClient c = client(ConnectionSettings.of("http://no-such-host.invalid:12345")
                .withTimeout(Duration.ofSeconds(3)))) {
            Result<Boolean> r = c.ready();
            assertEquals(Failure.Kind.DNS, kind(r), r.failureOrNull().message());
            assertTrue(r.failureOrNull().message().contains("no-such-host.invalid"));
        }
    }

    @Test
    void zeroTimeoutIsNotUnbounded() {
        Result<HttpAlloyClient> r = HttpAlloyClient.create(ConnectionSettings.of(server.url()).withTimeout(Duration.ZERO));
        try (HttpAlloyClient c = r.orNull()) {
            assertEquals(Duration.ofMillis(100), c.settings().timeout());
        }
    }

    @Test
    void badUrlIsAValue() {
        Result<HttpAlloyClient> r = HttpAlloyClient.create(ConnectionSettings.of("ftp://x"));
        assertFalse(r.isOk());
        assertTrue(r.failureOrNull().message().contains("--url"));
        Result<HttpAlloyClient> shorthand = HttpAlloyClient.create(ConnectionSettings.of("127.0.0.1:12345"));
        assertEquals("http://127.0.0.1:12345", shorthand.orNull().baseUrl());
        shorthand.orNull().close();
    }
}
