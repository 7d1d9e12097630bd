package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live-debugging streams with livedebugging enabled (real clock: they pace themselves in real seconds). */
class DemoStreamsTest {
    DemoAlloy demo;

    @AfterEach
    void stop() {
        if (demo != null) demo.close();
    }

    static String firstRecord(String url, int[] status) throws Exception {
        HttpResponse<InputStream> r = Http.CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        status[0] = r.statusCode();
        assertEquals(null, r.headers().firstValue("Content-Encoding").orElse(null), "streams are never compressed");
        try (InputStream in = r.body()) {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                sb.append((char) b);
                if (sb.toString().endsWith("|;|")) return new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            return sb.toString();
        }
    }

    @Test
    void graphStreamsPerEdgeRatesEachWindow() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withLiveDebugging(true));
        int[] status = new int[1];
        String rec = firstRecord(demo.baseUrl() + "/api/v0/web/graph?window=1", status);
        assertEquals(200, status[0]);
        JsonNode arr = new ObjectMapper().readTree(rec.substring(0, rec.length() - 3));
        assertTrue(arr.isArray() && arr.size() > 3, rec);
        boolean scrapeEdge = false;
        for (JsonNode e : arr) {
            assertTrue(e.get("rate").asDouble() > 0);
            if (e.get("componentID").asText().equals("prometheus.scrape.self")) {
                scrapeEdge = e.get("targetComponentIDs").toString().contains("prometheus.remote_write.grafana_cloud")
                        && e.get("type").asText().equals("prometheus_metric");
            }
        }
        assertTrue(scrapeEdge, rec);
        assertEquals(400, Http.get(demo.baseUrl() + "/api/v0/web/graph?window=61").status());
    }

    @Test
    void debugStreamKeepsStreamingAfterABadSampleProb() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withLiveDebugging(true));
        int[] status = new int[1];
        String rec = firstRecord(demo.baseUrl() + "/api/v0/web/debug/prometheus.scrape.self?sampleProb=2", status);
        assertEquals(400, status[0]);
        assertTrue(rec.startsWith("sample: ts=") && rec.endsWith("|;|"), rec);
        rec = firstRecord(demo.baseUrl() + "/api/v0/web/debug/prometheus.relabel.drop_debug", status);
        assertEquals(200, status[0]);
        assertTrue(rec.contains(" => "), rec);
        assertEquals(500, Http.get(demo.baseUrl() + "/api/v0/web/debug/local.file.api_key").status(), "no live debugging for local.file");
    }
}
