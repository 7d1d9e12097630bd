package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoFaults;
import io.alloytop.demo.DemoOptions;
import io.alloytop.testing.FakeHttp;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `check` against every fault switch of the demo Alloy (and a fake server for what the demo cannot
 * do): each ends with exit 2 or 1 and a sentence naming the reason, never a stack trace or a hang.
 */
class CheckFaultsTest {
    static final Tally TALLY = new Tally("faults-check");

    private DemoAlloy demo;
    private DemoFaults faults;

    @BeforeEach
    void start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withPort(0).withBasicAuth("admin", "s3cr3t-demo-pw"));
        faults = demo.faults();
        faults.authRequired(false);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private Cli.Run check(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("--url", demo.baseUrl(), "--timeout", "700ms", "check", "--cpu-sample", "0"));
        a.addAll(List.of(extra));
        return Cli.run(a.toArray(new String[0])).clean();
    }

    @Test
    void healthyBaseline() {
        TALLY.scenario("check.baseline", () -> {
            Cli.Run r = check();
            assertTrue(r.code() <= 1, r.all());
        });
    }

    @Test
    void downAtStart() {
        TALLY.scenario("check.down", () -> {
            faults.down(true);
            check().says("connection refused", String.valueOf(demo.port()));
            assertEquals(2, check().code());
            faults.down(false);
            assertTrue(check().code() <= 1, "back up: " + check().all());
        });
    }

    @Test
    void slowAnswersTimeOutPromptly() {
        TALLY.scenario("check.slow10s", () -> {
            faults.slowMillis(10_000);
            Cli.Run r = check().says("no answer", "within");
            assertEquals(2, r.code());
            assertTrue(r.millis() < 6_000, "took " + r.millis() + " ms with a 700 ms timeout");
        });
    }

    @Test
    void reloadHoldingTheApi() {
        TALLY.scenario("check.reloadHold", () -> {
            faults.reloadHoldMillis(10_000);
            Thread reload = startReload(demo.baseUrl());
            sleep(800);
            // the list blocks behind the reload while /metrics still answers: degraded or unreachable, with the reason
            Cli.Run r = check().says("within", "reload");
            assertTrue(r.code() >= 1, r.all());
            assertTrue(r.millis() < 6_000, "took " + r.millis());
        });
    }

    @Test
    void status500() {
        TALLY.scenario("check.500", () -> {
            faults.status500(true);
            Cli.Run r = check().says("500");
            assertEquals(2, r.code());
        });
    }

    @Test
    void metricsGarbage() {
        TALLY.scenario("check.metricsGarbage", () -> {
            faults.metricsGarbage(true);
            Cli.Run r = check().says("/metrics");
            assertTrue(r.code() >= 1, r.all());
        });
    }

    @Test
    void metricsTruncated() {
        TALLY.scenario("check.metricsTruncated", () -> {
            faults.metricsTruncated(true);
            Cli.Run r = check().says("/metrics");
            assertTrue(r.code() >= 1, r.all());
        });
    }

    @Test
    void authStartsFailing() {
        TALLY.scenario("check.authFails", () -> {
            assertTrue(check().code() <= 1);
            faults.authRequired(true);
            Cli.Run r = check().says("401", "--username");
            assertEquals(2, r.code());
        });
    }

    @Test
    void notReady() {
        TALLY.scenario("check.notReady", () -> {
            faults.notReady(true);
            Cli.Run r = check().says("ready");
            assertEquals(2, r.code(), r.all());
        });
    }

    @Test
    void restartBetweenChecks() {
        TALLY.scenario("check.restart", () -> {
            assertTrue(check().code() <= 1);
            faults.restart();
            Cli.Run r = check("--output", "json");
            assertTrue(r.code() <= 1, r.all());
            assertTrue(r.out().contains("\"uptimeSeconds\""), r.out());
        });
    }

    @Test
    void dnsFailure() {
        TALLY.scenario("check.dns", () -> {
            Cli.Run r = Cli.run("--url", "http://alloy.invalid:12345", "--timeout", "2s", "check", "--cpu-sample", "0").clean();
            r.says("cannot resolve", "alloy.invalid");
            assertEquals(2, r.code());
        });
    }

    @Test
    void fiftyMegabyteMetricsIsBounded() throws Exception {
        TALLY.scenario("check.metrics50MB", () -> {
            try (FakeHttp f = FakeHttp.start()) {
                byte[] line = "alloy_huge_series_total{instance=\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"} 1\n".getBytes(StandardCharsets.UTF_8);
                f.route("/metrics", ex -> {
                    long total = 50L << 20;
                    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream o = ex.getResponseBody()) {
                        for (long n = 0; n < total; n += line.length) o.write(line);
                    } catch (java.io.IOException closedEarly) {
                        // the client stopping at its limit is the point
                    }
                });
                f.textJson("/api/v0/web/components", "[]");
                f.textJson("/api/v0/web/remotecfg/components", "[]");
                f.status("/-/ready", 200, "Alloy is ready.\n");
                long before = usedHeap();
                Cli.Run r = Cli.run("--url", f.url(), "--timeout", "10s", "check", "--cpu-sample", "0").clean();
                r.says("more than", "MiB");
                assertEquals(2, r.code(), r.all());
                assertTrue(usedHeap() - before < (200L << 20), "heap grew beyond 200 MiB");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void invalidHugeAndHtmlComponentJson() throws Exception {
        String[][] bodies = {
            {"{\"not\":\"an array\"}", "array"},
            {"[{\"name\": \"x\", ", "bad json"},
            {"<!doctype html><html><body>Grafana Alloy</body></html>", "web ui"},
            {"[" + "[".repeat(5000) + "]".repeat(5000) + "]", "json"},
            {"[" + "{\"name\":\"prometheus.scrape\",\"localID\":\"p\",\"health\":{\"state\":\"weird\",\"message\":null},\"arguments\":7},".repeat(20_000) + "{}]", ""},
        };
        for (String[] b : bodies) {
            TALLY.scenario("check.componentJson", () -> {
                try (FakeHttp f = FakeHttp.start()) {
                    f.route("/metrics", ex -> FakeHttp.send(ex, 200, "text/plain", "alloy_build_info{version=\"v1.18.0\"} 1\n"));
                    f.textJson("/api/v0/web/components", b[0]);
                    f.textJson("/api/v0/web/remotecfg/components", "[]");
                    f.status("/-/ready", 200, "Alloy is ready.\n");
                    Cli.Run r = Cli.run("--url", f.url(), "--timeout", "5s", "check", "--cpu-sample", "0").clean();
                    if (!b[1].isEmpty()) r.says(b[1]);
                    assertTrue(r.code() >= 0 && r.code() <= 2, r.all());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** POSTs /-/reload on a daemon thread; with reloadHoldMillis set, the API lock stays held meanwhile. */
    static Thread startReload(String baseUrl) {
        Thread t = new Thread(() -> {
            try {
                java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(baseUrl + "/-/reload").toURL().openConnection();
                c.setRequestMethod("POST");
                c.setReadTimeout(20_000);
                c.getResponseCode();
                c.disconnect();
            } catch (java.io.IOException ignored) {
                // only the held lock matters here
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
