package io.alloytop.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builders for Alloy's alloyjson body encoding (facts §2.2): statements are attr or block,
 * values are {type, value} pairs. Used for component arguments, exports and debug info.
 */
public final class AlloyJson {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AlloyJson() {}

    public static ArrayNode body(JsonNode... statements) {
        ArrayNode a = F.arrayNode();
        for (JsonNode s : statements) a.add(s);
        return a;
    }

    public static ObjectNode attr(String name, JsonNode value) {
        ObjectNode o = F.objectNode();
        o.put("name", name);
        o.put("type", "attr");
        o.set("value", value);
        return o;
    }

    public static ObjectNode block(String name, String label, JsonNode... statements) {
        ObjectNode o = F.objectNode();
        o.put("name", name);
        o.put("type", "block");
        if (label != null && !label.isEmpty()) o.put("label", label);
        o.set("body", body(statements));
        return o;
    }

    private static ObjectNode typed(String type) {
        ObjectNode o = F.objectNode();
        o.put("type", type);
        return o;
    }

    public static ObjectNode str(String v) {
        return typed("string").put("value", v);
    }

    public static ObjectNode num(double v) {
        return typed("number").put("value", v);
    }

    public static ObjectNode bool(boolean v) {
        return typed("bool").put("value", v);
    }

    public static ObjectNode nul() {
        ObjectNode o = typed("null");
        o.putNull("value");
        return o;
    }

    /** A capsule prints its Go stringer: "(secret)" for secrets, "x.y.z.receiver" for receivers. */
    public static ObjectNode capsule(String v) {
        return typed("capsule").put("value", v);
    }

    public static ObjectNode array(JsonNode... values) {
        ObjectNode o = typed("array");
        ArrayNode a = o.putArray("value");
        for (JsonNode v : values) a.add(v);
        return o;
    }

    public static ObjectNode array(List<? extends JsonNode> values) {
        return array(values.toArray(new JsonNode[0]));
    }

    /** An object value; keys sorted as Alloy prints maps. */
    public static ObjectNode object(Map<String, ? extends JsonNode> fields) {
        ObjectNode o = typed("object");
        ArrayNode a = o.putArray("value");
        new TreeMap<>(fields).forEach((k, v) -> {
            ObjectNode kv = F.objectNode();
            kv.put("key", k);
            kv.set("value", v);
            a.add(kv);
        });
        return o;
    }

    public static ObjectNode stringObject(Map<String, String> fields) {
        TreeMap<String, JsonNode> m = new TreeMap<>();
        fields.forEach((k, v) -> m.put(k, str(v)));
        return object(m);
    }

    /**
     * Converts a plain Java tree (String, Number, Boolean, null, List, Map) to an alloyjson value, so
     * loaders can describe arguments simply. A {@link Secret} becomes a "(secret)" capsule; a
     * {@link Capsule} keeps its text.
     */
    public static JsonNode value(Object v) {
        if (v == null) return nul();
        if (v instanceof JsonNode) return (JsonNode) v;
        if (v instanceof String) return str((String) v);
        if (v instanceof Number) return num(((Number) v).doubleValue());
        if (v instanceof Boolean) return bool((Boolean) v);
        if (v instanceof Secret) return capsule("(secret)");
        if (v instanceof Capsule) return capsule(((Capsule) v).text());
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            return array(l.stream().map(AlloyJson::value).toArray(JsonNode[]::new));
        }
        if (v instanceof Map) {
            TreeMap<String, JsonNode> m = new TreeMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> m.put(String.valueOf(k), value(x)));
            return object(m);
        }
        return str(String.valueOf(v));
    }

    /** A body of attributes from a map (insertion order kept); nested maps under a key ending in "{}" become blocks. */
    public static ArrayNode bodyOf(Map<String, ?> attrs) {
        ArrayNode a = F.arrayNode();
        if (attrs == null) return a;
        attrs.forEach((k, v) -> {
            if (k.endsWith("{}") && v instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) v;
                ObjectNode b = block(k.substring(0, k.length() - 2), null);
                b.set("body", bodyOf(inner));
                a.add(b);
            } else {
                a.add(attr(k, value(v)));
            }
        });
        return a;
    }

    /** Marks a value that Alloy would print as a secret capsule. */
    public record Secret() {}

    /** A capsule value with the given printed form, e.g. a receiver "loki.write.x.receiver". */
    public record Capsule(String text) {}
}
