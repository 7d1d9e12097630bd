package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.testing.FakeHttp;
import io.alloytop.testing.Ports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckCommandTest {
    private FakeHttp alloy;
    private final AtomicInteger scrapes = new AtomicInteger();
    private volatile String configOk = "1";

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }

        String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run check(String... extra) {
        List<String> a = new ArrayList<>(List.of("--url", alloy.url(), "--timeout", "2s", "check", "--cpu-sample", "0"));
        a.addAll(List.of(extra));
        return run(a.toArray(new String[0]));
    }

    static String comp(String name, String label, String module, String state, String msg, String... created) {
        StringBuilder mods = new StringBuilder();
        for (String c : created) mods.append(mods.length() == 0 ? "" : ",").append('"').append(c).append('"');
        return "{\"name\":\"" + name + "\",\"localID\":\"" + name + "." + label + "\",\"moduleID\":\"" + module
                + "\",\"label\":\"" + label + "\",\"referencesTo\":[],\"referencedBy\":[],\"health\":{\"state\":\""
                + state + "\",\"message\":\"" + msg + "\",\"updatedTime\":\"2026-11-22T08:00:00Z\"},"
                + "\"arguments\":[],\"exports\":[],\"debugInfo\":[]"
                + (created.length > 0 ? ",\"createdModuleIDs\":[" + mods + "]" : "") + "}";
    }

    @BeforeEach
    void start() throws Exception {
        alloy = FakeHttp.start();
        double start = System.currentTimeMillis() / 1000.0 - 3 * 3600 - 125;
        alloy.route("/metrics", ex -> {
            int n = scrapes.incrementAndGet();
            FakeHttp.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                    "# TYPE alloy_build_info gauge\n"
                    + "alloy_build_info{branch=\"HEAD\",goarch=\"amd64\",goos=\"linux\",version=\"v1.18.0\"} 1\n"
                    + "process_start_time_seconds " + start + "\n"
                    + "process_cpu_seconds_total " + (1000 + 0.05 * n) + "\n"
                    + "process_resident_memory_bytes 2.2020096e+08\n"
                    + "go_memstats_heap_inuse_bytes 8.0e+07\ngo_goroutines 321\n"
                    + "alloy_config_last_load_successful " + configOk + "\n"
                    + "alloy_config_load_failures_total " + ("1".equals(configOk) ? 0 : 2) + "\n"
                    + "alloy_config_hash{cluster_name=\"\",sha256=\"3f2a9c0e11d94b7c8a5e6f7d8c9b0a1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c\"} 1\n");
        });
        alloy.textJson("/api/v0/web/components", "["
                + comp("prometheus.scrape", "default", "", "healthy", "started component") + ","
                + comp("self_monitor", "main", "", "healthy", "started custom component", "self_monitor.main") + "]");
        alloy.textJson("/api/v0/web/modules/self_monitor.main/components", "["
                + comp("local.file", "key", "self_monitor.main", "healthy", "ok") + "]");
        alloy.textJson("/api/v0/web/remotecfg/components", "[]");
        alloy.status("/-/ready", 200, "Alloy is ready.\n");
    }

    @AfterEach
    void stop() {
        alloy.close();
    }

    @Test
    void healthyIsExitZero() throws Exception {
        Run r = check();
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("OK: Alloy v1.18.0 at " + alloy.url() + ": 3 components healthy, ready", r.firstLine());
        assertTrue(r.out().contains("  uptime      3h 2m"), r.out());
        assertTrue(r.out().contains("last load ok, 0 load failures, hash 3f2a9c0e"), r.out());
        assertTrue(r.out().contains("3 healthy, 0 unhealthy, 0 exited, 0 unknown (3 total, 1 in modules"), r.out());
        assertTrue(r.out().contains("(average since start)"), r.out());
        assertTrue(r.out().contains("210.0 MiB resident"), r.out());

        JsonNode j = check("--output", "json").json();
        assertEquals("ok", j.get("status").asText());
        assertEquals(0, j.get("exitCode").asInt());
        assertTrue(j.get("error").isNull());
        assertEquals("v1.18.0", j.at("/alloy/version").asText());
        assertTrue(j.at("/alloy/ready").asBoolean());
        assertTrue(j.at("/alloy/uptimeSeconds").asDouble() > 3 * 3600);
        assertEquals("3f2a9c0e", j.at("/config/shortHash").asText());
        assertEquals(3, j.at("/components/total").asInt());
        assertEquals(1, j.at("/components/inModules").asInt());
        assertEquals(0, j.at("/components/problems").size());
        assertEquals("average_since_start", j.at("/resources/cpuMethod").asText());
        assertEquals(220200960, j.at("/resources/rssBytes").asLong());
    }

    @Test
    void cpuIsSampledOverTwoScrapesByDefault() throws Exception {
        Run r = run("--url", alloy.url(), "check", "--cpu-sample", "300ms", "-o", "json");
        JsonNode j = r.json();
        assertEquals("sample", j.at("/resources/cpuMethod").asText());
        double secs = j.at("/resources/cpuSampleSeconds").asDouble();
        assertTrue(secs >= 0.3 && secs < 2, "span " + secs);
        // the fake's counter grows 0.05 s per scrape: 0.05 / span * 100
        assertEquals(5.0 / secs, j.at("/resources/cpuPercent").asDouble(), 0.03 * 5.0 / secs);
        assertEquals(2, scrapes.get());
    }

    @Test
    void unhealthyComponentInAModuleIsDegradedWithItsMessageSanitised() throws Exception {
        alloy.textJson("/api/v0/web/modules/self_monitor.main/components", "["
                + comp("local.file", "key", "self_monitor.main", "unhealthy",
                        "failed to read file: \\u001b[31mopen /etc/alloy/key: no such file\\u0007") + ","
                + comp("prometheus.relabel", "r", "self_monitor.main", "exited", "component shut down with error") + "]");
        Run r = check();
        assertEquals(1, r.code(), r.out());
        assertTrue(r.firstLine().startsWith("DEGRADED: Alloy v1.18.0 at "), r.firstLine());
        assertTrue(r.firstLine().endsWith("2 of 4 components not healthy, ready"), r.firstLine());
        assertTrue(r.out().contains("    exited     self_monitor.main/prometheus.relabel.r: component shut down with error"),
                r.out());
        assertTrue(r.out().contains("    unhealthy  self_monitor.main/local.file.key: failed to read file: \u241b[31mopen"),
                r.out());
        assertFalse(r.out().contains("\u001b"));
        assertFalse(r.out().contains("\u0007"));

        JsonNode j = check("-o", "json").json();
        assertEquals("degraded", j.get("status").asText());
        assertEquals(1, j.get("exitCode").asInt());
        assertEquals(1, j.at("/components/unhealthy").asInt());
        assertEquals(1, j.at("/components/exited").asInt());
        JsonNode p = j.at("/components/problems/1");
        assertEquals("self_monitor.main/local.file.key", p.get("id").asText());
        assertEquals("unhealthy", p.get("health").asText());
        assertFalse(p.get("message").asText().contains("\u001b"));
    }

    @Test
    void unknownComponentAndFailedConfigLoadAreDegraded() throws Exception {
        alloy.textJson("/api/v0/web/remotecfg/components", "["
                + comp("foreach", "hosts", "remotecfg", "unknown", "") + "]");
        Run r = check();
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("1 from remote config"), r.out());
        assertTrue(r.out().contains("unknown    remotecfg/foreach.hosts"), r.out());

        alloy.textJson("/api/v0/web/remotecfg/components", "[]");
        configOk = "0";
        Run c = check();
        assertEquals(1, c.code(), c.out());
        assertTrue(c.firstLine().contains("last config load FAILED"), c.firstLine());
        assertTrue(c.out().contains("last load FAILED, 2 load failures"), c.out());
        assertFalse(check("-o", "json").json().at("/config/lastLoadSuccessful").asBoolean());
    }

    @Test
    void refusedPortIsExitTwoFast() throws Exception {
        int port = Ports.free();
        run("--url", "http://127.0.0.1:" + Ports.free(), "check"); // warm-up, as above
        long t0 = System.nanoTime();
        Run r = run("--url", "http://127.0.0.1:" + port, "--timeout", "3s", "check");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(2, r.code());
        assertEquals("UNREACHABLE: connection refused: is Alloy running on 127.0.0.1:" + port + "?", r.firstLine());
        assertTrue(ms < 1000, "took " + ms + " ms");
        assertEquals("", r.err());

        JsonNode j = run("--url", "http://127.0.0.1:" + port, "check", "--output", "json").json();
        assertEquals("unreachable", j.get("status").asText());
        assertEquals(2, j.get("exitCode").asInt());
        assertEquals("REFUSED", j.at("/error/kind").asText());
        assertTrue(j.get("alloy").isNull());
        assertTrue(j.get("components").isNull());
    }

    @Test
    void hangingServerAnswersWithinTheTimeout() throws Exception {
        alloy.route("/metrics", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // warm the JVM first: class loading on this shared 2-core machine is not what is measured
        run("--url", "http://127.0.0.1:" + Ports.free(), "check");
        long t0 = System.nanoTime();
        Run r = run("--url", alloy.url(), "--timeout", "500ms", "check");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(2, r.code());
        assertTrue(r.firstLine().startsWith("UNREACHABLE: no answer from 127.0.0.1:"), r.firstLine());
        assertTrue(ms < 1500, "took " + ms + " ms");
    }

    @Test
    void authRefusedIsExitTwo() throws Exception {
        alloy.fallback = ex -> {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Restricted\"");
            FakeHttp.send(ex, 401, null, "");
        };
        alloy.routes.clear();
        Run r = check();
        assertEquals(2, r.code());
        assertTrue(r.firstLine().startsWith("AUTH REFUSED: 401 Unauthorized for /metrics"), r.firstLine());
        assertTrue(r.firstLine().contains("--username"), r.firstLine());
        JsonNode j = check("-o", "json").json();
        assertEquals("auth_refused", j.get("status").asText());
        assertEquals("AUTH", j.at("/error/kind").asText());
    }

    @Test
    void notReadyIsExitTwo() throws Exception {
        alloy.status("/-/ready", 503, "Alloy is not ready.\n");
        Run r = check();
        assertEquals(2, r.code());
        assertTrue(r.firstLine().startsWith("NOT READY: Alloy v1.18.0 at "), r.firstLine());
        assertTrue(r.out().contains("  ready       NO"), r.out());
        JsonNode j = check("-o", "json").json();
        assertEquals("not_ready", j.get("status").asText());
        assertFalse(j.at("/alloy/ready").asBoolean());
    }

    @Test
    void notAlloyIsExitTwo() throws Exception {
        alloy.status("/metrics", 200, "# TYPE prometheus_build_info gauge\n"
                + "prometheus_build_info{version=\"2.42.0\"} 1\nprocess_cpu_seconds_total 3\n");
        Run r = check();
        assertEquals(2, r.code());
        assertEquals("NOT ALLOY: " + alloy.url() + " serves /metrics but has no alloy_build_info "
                + "(it looks like prometheus 2.42.0); check --url", r.firstLine());
        JsonNode j = check("-o", "json").json();
        assertEquals("not_alloy", j.get("status").asText());
        assertEquals("NOT_ALLOY", j.at("/error/kind").asText());
    }

    @Test
    void optionsWorkBeforeOrAfterTheSubcommand() {
        Run r = run("check", "--cpu-sample", "0", "--url", alloy.url());
        assertEquals(0, r.code(), r.out() + r.err());
        Run bad = run("check", "--output", "yaml");
        assertEquals(ExitCodes.USAGE, bad.code());
    }
}
