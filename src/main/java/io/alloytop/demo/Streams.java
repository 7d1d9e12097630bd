package io.alloytop.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.alloytop.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The live-debugging streams (facts §10.2): records or JSON arrays each followed by "|;|", open until
 * the client leaves. Both answer 500 while the livedebugging block is disabled.
 */
final class Streams {
    static final String DELIMITER = "|;|";

    private final DemoWorld world;
    private final DemoOptions options;
    private volatile boolean closed;

    Streams(DemoWorld world, DemoOptions options) {
        this.world = world;
        this.options = options;
    }

    void close() {
        closed = true;
    }

    void graph(HttpExchange ex, String moduleID) throws IOException, InterruptedException {
        if (!options.liveDebugging()) {
            HttpReplies.error(ex, 500, DemoHandler.LIVE_DEBUGGING_DISABLED);
            return;
        }
        String w = DemoHandler.query(ex).getOrDefault("window", "5");
        int window;
        try {
            window = Integer.parseInt(w);
        } catch (NumberFormatException e) {
            window = -1;
        }
        if (window < 1 || window > 60) {
            HttpReplies.error(ex, 400, "invalid window parameter: must be between 1 and 60 seconds");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", HttpReplies.TEXT);
        ex.sendResponseHeaders(200, 0);
        OutputStream os = ex.getResponseBody();
        Map<String, Double> before = sentCounters();
        while (!closed) {
            Thread.sleep(window * 1000L);
            Map<String, Double> after = sentCounters();
            int win = window;
            Map<String, Double> prev = before;
            String chunk = world.read(v -> {
                ArrayNode a = AlloyJson.F.arrayNode();
                for (DemoComponent c : v.components()) {
                    if (!c.moduleID().equals(moduleID) || c.kind == Kind.OTHER) continue;
                    double rate = (after.getOrDefault(c.globalID(), 0.0) - prev.getOrDefault(c.globalID(), 0.0)) / win;
                    if (rate <= 0) continue;
                    ObjectNode o = a.addObject();
                    o.put("componentID", c.localID());
                    if (c.edges.isEmpty()) o.putNull("targetComponentIDs");
                    else c.edges.forEach(o.putArray("targetComponentIDs")::add);
                    o.put("type", dataType(c));
                    o.put("rate", Math.round(rate * 10) / 10.0);
                }
                return Json.write(a);
            });
            before = after;
            DemoHandler.streamChunk(os, chunk + DELIMITER);
        }
    }

    private Map<String, Double> sentCounters() {
        return world.read(v -> {
            Map<String, Double> m = new HashMap<>();
            for (DemoComponent c : v.components()) m.put(c.globalID(), c.sent);
            return m;
        });
    }

    static String dataType(DemoComponent c) {
        String n = c.decl.name();
        if (n.startsWith("discovery.")) return "target";
        if (n.startsWith("loki.")) return "loki_log";
        if (n.startsWith("otelcol.")) return "otel_trace";
        return "prometheus_metric";
    }

    void debug(HttpExchange ex, String componentID) throws IOException, InterruptedException {
        if (!options.liveDebugging()) {
            HttpReplies.error(ex, 500, DemoHandler.LIVE_DEBUGGING_DISABLED);
            return;
        }
        String[] info = world.read(v -> {
            DemoComponent c = v.byId(componentID);
            if (c == null) return null;
            return new String[] {c.decl.name(), c.localID(), String.valueOf(c.decl.defaultLiveDebugging())};
        });
        if (info == null) {
            HttpReplies.error(ex, 500, "component not found: " + componentID);
            return;
        }
        if (!Boolean.parseBoolean(info[2])) {
            HttpReplies.error(ex, 500, "component " + componentID + " does not support live debugging");
            return;
        }
        double prob = 1;
        boolean badProb = false;
        String p = DemoHandler.query(ex).get("sampleProb");
        if (p != null) {
            try {
                prob = Double.parseDouble(p);
                badProb = prob < 0 || prob > 1;
            } catch (NumberFormatException e) {
                badProb = true;
            }
        }
        // Alloy writes the 400 status for a bad sampleProb and then streams anyway (facts §10.2).
        ex.getResponseHeaders().set("Content-Type", HttpReplies.TEXT);
        ex.sendResponseHeaders(badProb ? 400 : 200, 0);
        OutputStream os = ex.getResponseBody();
        long n = 0;
        while (!closed) {
            Thread.sleep(1000);
            long ts = options.clock().millis();
            String rec;
            if (info[0].equals("prometheus.relabel")) {
                rec = "{__name__=\"up\", instance=\"demo-host\", job=\"integrations/unix\"} => {__name__=\"up\", cluster=\"demo\", instance=\"demo-host\", job=\"integrations/unix\"}";
            } else if (info[0].startsWith("loki.")) {
                rec = "entry: ts=" + ts + ", labels={service_name=\"alloy\"}, line=level=info msg=\"demo line " + (++n) + "\"";
            } else if (info[0].startsWith("discovery.")) {
                rec = "targets: [{__address__=\"demo-host:9100\"}]";
            } else if (info[0].startsWith("otelcol.")) {
                rec = "ResourceSpans #0 service.name=alloy spans=" + (3 + (++n % 5));
            } else {
                rec = "sample: ts=" + ts + ", labels={__name__=\"up\", instance=\"demo-host\", job=\"" + info[1] + "\"}, value=1";
            }
            DemoHandler.streamChunk(os, rec + DELIMITER);
        }
    }
}
