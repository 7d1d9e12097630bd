package io.alloytop.demo;

import static io.alloytop.demo.AlloyJson.F;
import static io.alloytop.demo.AlloyJson.attr;
import static io.alloytop.demo.AlloyJson.block;
import static io.alloytop.demo.AlloyJson.str;
import static io.alloytop.demo.AlloyJson.stringObject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Component JSON in Alloy's field order (facts §2.1): list entries leave the alloyjson bodies empty. */
final class ComponentJson {
    private ComponentJson() {}

    static ObjectNode of(DemoComponent c, boolean detail, ZoneId zone, Instant now) {
        ObjectNode o = F.objectNode();
        o.put("name", c.decl.name());
        o.put("type", "block");
        o.put("localID", c.localID());
        o.put("moduleID", c.moduleID());
        o.put("label", c.decl.label());
        o.set("referencesTo", strings(c.decl.referencesTo()));
        o.set("referencedBy", strings(c.referencedBy));
        o.set("dataFlowEdgesTo", strings(c.edges));
        ObjectNode h = o.putObject("health");
        h.put("state", c.state);
        h.put("message", c.message);
        h.put("updatedTime", GoTime.rfc3339Nano(c.updated, zone));
        o.put("original", "");
        o.set("arguments", detail ? c.decl.arguments().deepCopy() : F.arrayNode());
        o.set("exports", detail ? c.decl.exports().deepCopy() : F.arrayNode());
        o.set("debugInfo", detail ? debugInfo(c, now) : F.arrayNode());
        if (!c.decl.createdModuleIDs().isEmpty()) o.set("createdModuleIDs", strings(c.decl.createdModuleIDs()));
        o.put("liveDebuggingEnabled", c.decl.defaultLiveDebugging());
        return o;
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** Scrape components report one target block per target (ScraperStatus), with last_error only when set. */
    private static ArrayNode debugInfo(DemoComponent c, Instant now) {
        ArrayNode a = F.arrayNode();
        if (c.kind != Kind.SCRAPE) return a;
        for (int i = 0; i < c.targetCount; i++) {
            boolean down = c.downTargets.contains(i);
            String instance = i == 0 ? "demo-host" : "demo-host-" + i;
            String url = "http://127.0.0.1:" + (9100 + i) + "/metrics";
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("instance", instance);
            labels.put("job", c.localID());
            ObjectNode b = block("target", null,
                    attr("job", str(c.localID())),
                    attr("url", str(url)),
                    attr("health", str(down ? "down" : "up")),
                    attr("labels", stringObject(labels)),
                    attr("last_scrape", str(GoTime.utc(now.minusMillis(1200 + 700L * i)))),
                    attr("last_scrape_duration", str(GoTime.duration(down ? 0.0004 : 0.0384 + 0.003 * i))));
            if (down) {
                ((ArrayNode) b.get("body")).add(attr("last_error",
                        str("Get \"" + url + "\": dial tcp 127.0.0.1:" + (9100 + i) + ": connect: connection refused")));
            }
            a.add(b);
        }
        return a;
    }
}
