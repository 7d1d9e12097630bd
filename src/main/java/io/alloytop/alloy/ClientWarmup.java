package io.alloytop.alloy;

import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.json.Json;
import io.alloytop.metrics.PromTextParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Builds a throwaway client and decodes a tiny component list and /metrics body on the spare core,
 * while the command line is still being parsed, so the first poll of the monitor or of `check`
 * finds OkHttp's, Jackson's and the parser's classes loaded and initialised.
 */
public final class ClientWarmup {
    private static final String COMPONENTS = "[{\"moduleID\":\"\",\"localID\":\"prometheus.scrape.x\","
            + "\"name\":\"prometheus.scrape\",\"label\":\"x\",\"health\":{\"state\":\"healthy\",\"message\":\"ok\","
            + "\"updatedTime\":\"2026-01-01T00:00:00Z\"},\"original\":\"\",\"referencesTo\":[],\"referencedBy\":[],"
            + "\"dataFlowEdgesTo\":[],\"arguments\":[],\"exports\":[],\"debugInfo\":[]}]";
    private static final String METRICS = "# HELP process_cpu_seconds_total CPU.\n# TYPE process_cpu_seconds_total counter\n"
            + "process_cpu_seconds_total 1.5\n# TYPE up gauge\nup{job=\"a\",instance=\"b:1\"} 1 1700000000000\n";

    private ClientWarmup() {}

    public static void run() {
        try {
            OkHttpClient client = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
            client.newCall(new Request.Builder().url("http://127.0.0.1:12345/metrics").header("User-Agent", "alloytop").build());
            for (JsonNode n : Json.read(COMPONENTS)) ComponentJson.component(n);
            PromTextParser.parse(METRICS.getBytes(StandardCharsets.UTF_8));
        } catch (Exception | LinkageError ignored) {
            // only ever a head start: the real poll does the same work itself
        }
    }
}
