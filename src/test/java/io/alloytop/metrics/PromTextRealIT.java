package io.alloytop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.PrometheusServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Scrapes Debian's real prometheus (a Go server with client_golang, like Alloy) and parses the live body. */
class PromTextRealIT {
    private static MetricsSnapshot scrape(PrometheusServer server, boolean gzip) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(server.url() + "/metrics").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        if (gzip) c.setRequestProperty("Accept-Encoding", "gzip");
        assertEquals(200, c.getResponseCode());
        assertTrue(c.getContentType().startsWith("text/plain; version=0.0.4"), c.getContentType());
        try (InputStream raw = c.getInputStream();
             InputStream in = "gzip".equals(c.getContentEncoding()) ? new GZIPInputStream(raw) : raw) {
            return PromTextParser.parse(in, 32L << 20);
        }
    }

    @Test
    void parsesALivePrometheusScrape() throws Exception {
        try (PrometheusServer server = PrometheusServer.start()) {
            MetricsSnapshot first = scrape(server, false);
            MetricsSnapshot second = scrape(server, true);
            for (MetricsSnapshot s : new MetricsSnapshot[] {first, second}) {
                assertTrue(s.families().size() > 100, "families: " + s.families().size());
                assertEquals(MetricType.GAUGE, PromTextParserTest.family(s, "go_goroutines").type());
                assertTrue(s.first("go_goroutines").getAsDouble() > 0);
                assertEquals(MetricType.COUNTER, PromTextParserTest.family(s, "process_cpu_seconds_total").type());
                assertTrue(s.first("process_resident_memory_bytes").getAsDouble() > 1 << 20);
                assertTrue(s.first("process_start_time_seconds").getAsDouble() > 1.6e9);
                assertEquals(MetricType.SUMMARY, PromTextParserTest.family(s, "go_gc_duration_seconds").type());
                assertFalse(s.has("alloy_build_info"), "a prometheus is not an Alloy");
            }
            // The first scrape is counted by the second: the histogram grew by one /metrics request.
            double count = second.first("prometheus_http_request_duration_seconds_count", l -> l.matches("handler", "/metrics")).getAsDouble();
            assertTrue(count >= 1, "requests counted: " + count);
            assertEquals(count, second.first("prometheus_http_request_duration_seconds_bucket",
                    l -> l.matches("handler", "/metrics") && l.matches("le", "+Inf")).getAsDouble());
        }
    }
}
