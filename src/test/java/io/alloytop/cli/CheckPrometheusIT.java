package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.alloy.AlloyIdentity;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.testing.PrometheusServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `check` against Debian's real prometheus: a Go server with process_/go_ families but no alloy_build_info. */
class CheckPrometheusIT {
    private static PrometheusServer prom;

    @BeforeAll
    static void start() throws Exception {
        prom = PrometheusServer.start();
    }

    @AfterAll
    static void stop() {
        if (prom != null) prom.close();
    }

    private static String[] run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void saysNotAlloyWithExitTwo() throws Exception {
        String[] r = run("--url", prom.url(), "check");
        assertEquals("2", r[0], r[1] + r[2]);
        String first = r[1].lines().findFirst().orElse("");
        assertTrue(first.startsWith("NOT ALLOY: " + prom.url() + " serves /metrics but has no alloy_build_info"), first);
        assertTrue(first.contains("it looks like prometheus"), first);
        assertEquals("", r[2]);

        JsonNode j = new ObjectMapper().readTree(run("--url", prom.url(), "check", "-o", "json")[1]);
        assertEquals("not_alloy", j.get("status").asText());
        assertEquals(2, j.get("exitCode").asInt());
        assertEquals("NOT_ALLOY", j.at("/error/kind").asText());
    }

    @Test
    void clientReadsTheRealGoServer() {
        try (HttpAlloyClient c = HttpAlloyClient.create(ConnectionSettings.of(prom.url())
                .withTimeout(Duration.ofSeconds(5))).orNull()) {
            MetricsSnapshot m = c.metrics().orNull();
            assertTrue(m.first("process_cpu_seconds_total").isPresent());
            assertTrue(m.first("go_goroutines").isPresent());
            assertTrue(m.has("prometheus_build_info"));
            assertTrue(!AlloyIdentity.isAlloy(m));
            assertEquals(true, c.ready().orNull());
            // prometheus has no /api/v0/web: whatever it answers must be a typed failure, never an exception
            assertTrue(!c.allComponents().isOk());
            assertTrue(c.reload().isOk(), "prometheus with --web.enable-lifecycle accepts POST /-/reload");
        }
    }
}
