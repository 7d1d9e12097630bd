package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.alloytop.testing.Ports;
import io.alloytop.testing.PrometheusServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-flight against Debian's real prometheus as a remote-write receiver, and a loopback server
 * that demands basic auth (as Grafana Cloud does) for metrics, logs and profiles.
 */
class HttpPreflightIT {
    HttpServer auth;
    final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAuthServer() throws Exception {
        auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String good = "Basic " + Base64.getEncoder().encodeToString(("1234567:" + Fixtures.SECRET).getBytes(StandardCharsets.UTF_8));
        auth.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst("Content-Type"));
            ex.getRequestBody().readAllBytes();
            String a = ex.getRequestHeaders().getFirst("Authorization");
            int code = ex.getRequestURI().getPath().startsWith("/missing") ? 404 : good.equals(a) ? 204 : 401;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        auth.start();
    }

    @AfterEach
    void stop() {
        auth.stop(0);
    }

    String authUrl(String path) {
        return "http://127.0.0.1:" + auth.getAddress().getPort() + path;
    }

    static CloudSettings settings(String metrics, String logs, String profiles, String traces, String id, String key) {
        return CloudSettings.fromEnv(Map.of(
                "GCLOUD_HOSTED_METRICS_URL", metrics, "GCLOUD_HOSTED_METRICS_ID", id,
                "GCLOUD_HOSTED_LOGS_URL", logs, "GCLOUD_HOSTED_LOGS_ID", id,
                "GCLOUD_HOSTED_PROFILES_URL", profiles, "GCLOUD_HOSTED_PROFILES_ID", id,
                "GCLOUD_HOSTED_TRACES_URL", traces, "GCLOUD_HOSTED_TRACES_ID", id,
                "GCLOUD_RW_API_KEY", key));
    }

    @Test
    void realRemoteWriteReceiverAcceptsTheEmptyWrite() throws Exception {
        try (PrometheusServer prom = PrometheusServer.start("--web.enable-remote-write-receiver")) {
            CloudSettings c = settings(prom.url() + "/api/v1/write", authUrl("/loki/api/v1/push"), authUrl("/"),
                    "127.0.0.1:1", "1234567", Fixtures.SECRET);
            Map<Signal, PreflightResult> r = new HttpPreflight(c, Duration.ofSeconds(5)).check(EnumSet.of(Signal.METRICS));
            assertEquals(PreflightResult.Kind.OK, r.get(Signal.METRICS).kind(), r.toString());
            assertTrue(r.get(Signal.METRICS).message().matches(".*accepted the credentials \\(HTTP (204|200|400)\\)"), r.toString());

            // Without the receiver flag the path does not exist: an error, not "ok".
            CloudSettings wrong = settings(prom.url() + "/api/v1/nowrite", authUrl("/x"), authUrl("/"), "127.0.0.1:1",
                    "1", "k");
            PreflightResult w = new HttpPreflight(wrong, Duration.ofSeconds(5)).check(EnumSet.of(Signal.METRICS)).get(Signal.METRICS);
            assertEquals(PreflightResult.Kind.ERROR, w.kind(), w.toString());
        }
    }

    @Test
    void basicAuthServerTellsRefusedFromOk() {
        CloudSettings good = settings(authUrl("/api/prom/push"), authUrl("/loki/api/v1/push"), authUrl("/"),
                "127.0.0.1:" + Ports.free(), "1234567", Fixtures.SECRET);
        Map<Signal, PreflightResult> ok = new HttpPreflight(good, Duration.ofSeconds(5))
                .check(EnumSet.of(Signal.METRICS, Signal.LOGS, Signal.PROFILES));
        for (Signal s : List.of(Signal.METRICS, Signal.LOGS, Signal.PROFILES)) {
            assertEquals(PreflightResult.Kind.OK, ok.get(s).kind(), s + " " + ok.get(s));
        }
        assertTrue(seen.contains("POST /api/prom/push application/x-protobuf"), seen.toString());
        assertTrue(seen.contains("POST /loki/api/v1/push application/json; charset=utf-8"), seen.toString());
        assertTrue(seen.contains("POST /push.v1.PusherService/Push application/json; charset=utf-8"), seen.toString());

        CloudSettings bad = settings(authUrl("/api/prom/push"), authUrl("/loki/api/v1/push"), authUrl("/missing"),
                "127.0.0.1:1", "1234567", "glc_wrong_key_0000000000");
        Map<Signal, PreflightResult> r = new HttpPreflight(bad, Duration.ofSeconds(5))
                .check(EnumSet.of(Signal.METRICS, Signal.LOGS, Signal.PROFILES));
        assertEquals(PreflightResult.Kind.CREDENTIALS_REFUSED, r.get(Signal.METRICS).kind());
        assertEquals(authUrl("/api/prom/push") + " refused the credentials (HTTP 401)", r.get(Signal.METRICS).message());
        assertEquals(PreflightResult.Kind.CREDENTIALS_REFUSED, r.get(Signal.LOGS).kind());
        assertEquals(PreflightResult.Kind.ERROR, r.get(Signal.PROFILES).kind());
        assertTrue(r.get(Signal.PROFILES).message().endsWith("answered HTTP 404 (wrong URL path?)"));
        for (PreflightResult x : r.values()) assertFalse(x.message().contains("glc_wrong_key"), x.message());
        for (PreflightResult x : ok.values()) assertFalse(x.message().contains(Fixtures.SECRET), x.message());
    }

    @Test
    void closedPortsAreUnreachable() {
        int port = Ports.free();
        CloudSettings c = settings("http://127.0.0.1:" + port + "/push", "http://127.0.0.1:" + port + "/loki",
                "http://127.0.0.1:" + port, "127.0.0.1:" + port, "1", Fixtures.SECRET);
        Map<Signal, PreflightResult> r = new HttpPreflight(c, Duration.ofSeconds(3)).check(EnumSet.allOf(Signal.class));
        for (Signal s : Signal.values()) {
            assertEquals(PreflightResult.Kind.UNREACHABLE, r.get(s).kind(), s + " " + r.get(s));
            assertTrue(r.get(s).message().contains("unreachable (connection refused)"), r.get(s).message());
        }
    }
}
