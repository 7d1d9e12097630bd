package io.alloytop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads Alloy's live-debugging graph stream ({ui}/api/v0/web/graph[/module]?window=N, 1.8+):
 * every window Alloy writes a JSON array and then the delimiter {@code |;|}. Each element is
 * {@code {"componentID":..., "targetComponentIDs": null | [...], "type":..., "rate": ...}}.
 * Feed bytes as they arrive; every complete window replaces the edge rates.
 */
public final class LiveGraphParser {
    private static final byte[] DELIM = "|;|".getBytes(StandardCharsets.US_ASCII);
    /** A window larger than this is not a graph window: stop rather than grow without bound. */
    private static final int MAX_WINDOW = 8 << 20;

    private final String module;
    private byte[] buf = new byte[8192];
    private int len;
    private Map<String, Double> latest = Map.of();

    /** @param module the module the stream was opened for ("" for the root), to build global IDs */
    public LiveGraphParser(String module) {
        this.module = module;
    }

    /** Adds bytes; returns true when at least one complete window was read. */
    public boolean feed(byte[] data, int off, int n) throws IOException {
        if (len + n > MAX_WINDOW) throw new IOException("live graph window over " + (MAX_WINDOW >> 20) + " MiB");
        if (len + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        System.arraycopy(data, off, buf, len, n);
        len += n;
        boolean any = false;
        int start = 0;
        for (int i = 0; i + DELIM.length <= len; i++) {
            if (buf[i] == DELIM[0] && buf[i + 1] == DELIM[1] && buf[i + 2] == DELIM[2]) {
                latest = parseWindow(buf, start, i - start);
                any = true;
                start = i + DELIM.length;
                i = start - 1;
            }
        }
        System.arraycopy(buf, start, buf, 0, len - start);
        len -= start;
        return any;
    }

    /** Rates of the last complete window, keyed {@code fromGlobalId->toGlobalId}, summed over data types. */
    public Map<String, Double> edgeRates() {
        return latest;
    }

    private Map<String, Double> parseWindow(byte[] b, int off, int n) throws IOException {
        JsonNode arr;
        try {
            arr = Json.read(b, off, n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("live graph window is not JSON: " + e.getOriginalMessage());
        }
        Map<String, Double> rates = new HashMap<>();
        if (arr == null || !arr.isArray()) return rates;
        for (JsonNode el : arr) {
            String from = el.path("componentID").asText("");
            double rate = el.path("rate").asDouble(Double.NaN);
            JsonNode targets = el.path("targetComponentIDs");
            if (from.isEmpty() || Double.isNaN(rate) || !targets.isArray()) continue;
            for (JsonNode t : targets) {
                rates.merge(global(from) + "->" + global(t.asText()), rate, Double::sum);
            }
        }
        return Map.copyOf(rates);
    }

    private String global(String id) {
        return module.isEmpty() || id.startsWith(module + "/") ? id : module + "/" + id;
    }
}
