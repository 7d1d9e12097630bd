package io.alloytop.alloy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient mapping of Alloy's component JSON (facts §2.1): the API is internal and unstable, so
 * unknown fields are ignored, missing ones defaulted, and wrong shapes read as empty.
 */
final class ComponentJson {
    private static final JsonNode EMPTY_BODY = JsonNodeFactory.instance.arrayNode();

    private ComponentJson() {}

    static Component component(JsonNode n) {
        JsonNode h = n.path("health");
        Health health = h.isObject()
                ? new Health(HealthState.parse(text(h, "state")), text(h, "message"), text(h, "updatedTime"))
                : null;
        return new Component(
                text(n, "name"), text(n, "localID"), text(n, "moduleID"), text(n, "label"),
                strings(n.path("referencesTo")), strings(n.path("referencedBy")), strings(n.path("dataFlowEdgesTo")),
                health,
                body(n.path("arguments")), body(n.path("exports")), body(n.path("debugInfo")),
                strings(n.path("createdModuleIDs")),
                n.path("liveDebuggingEnabled").asBoolean(false));
    }

    static Peer peer(JsonNode n) {
        return new Peer(text(n, "name"), text(n, "addr"), n.path("isSelf").asBoolean(false), text(n, "state"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText("");
    }

    private static List<String> strings(JsonNode arr) {
        if (!arr.isArray()) return List.of();
        List<String> out = new ArrayList<>(arr.size());
        for (JsonNode e : arr) if (e.isValueNode() && !e.isNull()) out.add(e.asText());
        return out;
    }

    private static JsonNode body(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? EMPTY_BODY : n;
    }
}
