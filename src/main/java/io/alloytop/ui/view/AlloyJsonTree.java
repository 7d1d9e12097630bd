package io.alloytop.ui.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.json.Json;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.theme.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an alloyjson body (facts §2.2) back into something that reads like Alloy configuration:
 * {@code name = value} for attributes, {@code name "label" { ... }} for blocks, short lists inline.
 * Secrets arrive as the capsule "(secret)" and are drawn as such, never resolved.
 */
public final class AlloyJsonTree {
    private static final String INDENT = "  ";
    private static final int INLINE_MAX = 72;

    private AlloyJsonTree() {}

    public static List<Line> body(JsonNode body, String indent) {
        List<Line> out = new ArrayList<>();
        if (body == null || !body.isArray()) return out;
        for (JsonNode st : body) statement(st, indent, out);
        return out;
    }

    private static void statement(JsonNode st, String indent, List<Line> out) {
        String name = Sanitizer.line(st.path("name").asText(""));
        String type = st.path("type").asText("");
        if (type.equals("block")) {
            String label = st.hasNonNull("label") ? " \"" + Sanitizer.line(st.get("label").asText()) + "\"" : "";
            out.add(Line.builder().add(indent, Element.BASE).add(name, Element.DETAIL_KEY).add(label, Element.DETAIL_VALUE)
                    .add(" {", Element.DIM).build());
            for (JsonNode child : st.path("body")) statement(child, indent + INDENT, out);
            out.add(Line.of(indent + "}", Element.DIM));
            return;
        }
        value(st.path("value"), indent, Line.builder().add(indent, Element.BASE).add(name, Element.DETAIL_KEY).add(" = ", Element.DIM), "", out);
    }

    /** Appends the value to the line being built, opening nested lines for long arrays/objects. */
    private static void value(JsonNode v, String indent, Line.Builder line, String suffix, List<Line> out) {
        String inline = inline(v);
        if (inline != null && inline.length() <= INLINE_MAX) {
            boolean secret = v.path("type").asText("").equals("capsule") && "(secret)".equals(v.path("value").asText(""));
            out.add(line.add(inline, secret ? Element.DETAIL_SECRET : Element.DETAIL_VALUE).add(suffix, Element.DIM).build());
            return;
        }
        String type = v.path("type").asText("");
        if (type.equals("array")) {
            out.add(line.add("[", Element.DIM).build());
            for (JsonNode item : v.path("value")) value(item, indent + INDENT, Line.builder().add(indent + INDENT, Element.BASE), ",", out);
            out.add(Line.of(indent + "]" + suffix, Element.DIM));
        } else if (type.equals("object")) {
            out.add(line.add("{", Element.DIM).build());
            for (JsonNode kv : v.path("value")) {
                String k = Sanitizer.line(kv.path("key").asText(""));
                value(kv.path("value"), indent + INDENT, Line.builder().add(indent + INDENT, Element.BASE)
                        .add(key(k), Element.DETAIL_KEY).add(" = ", Element.DIM), ",", out);
            }
            out.add(Line.of(indent + "}" + suffix, Element.DIM));
        } else {
            out.add(line.add(scalar(v), Element.DETAIL_VALUE).add(suffix, Element.DIM).build());
        }
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_]*") ? k : "\"" + k + "\"";
    }

    /** The one-line form, or null when the value holds something too nested to inline. */
    static String inline(JsonNode v) {
        String type = v.path("type").asText("");
        if (type.equals("array")) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (JsonNode item : v.path("value")) {
                String t = item.path("type").asText("");
                if (t.equals("array") || t.equals("object")) return null;
                if (!first) sb.append(", ");
                sb.append(scalar(item));
                first = false;
                if (sb.length() > INLINE_MAX) return null;
            }
            return sb.append(']').toString();
        }
        if (type.equals("object")) {
            if (v.path("value").size() == 0) return "{}";
            return null;
        }
        return scalar(v);
    }

    static String scalar(JsonNode v) {
        String type = v.path("type").asText("");
        JsonNode x = v.path("value");
        switch (type) {
            case "null": return "null";
            case "string": return "\"" + Sanitizer.line(x.asText("")) + "\"";
            case "number": {
                double d = x.asDouble();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
            }
            case "bool": return String.valueOf(x.asBoolean());
            case "function": return "function(" + Sanitizer.line(x.asText("")) + ")";
            case "capsule": return Sanitizer.line(x.asText(""));
            default: return Sanitizer.line(x.isMissingNode() ? "" : Json.write(x));
        }
    }
}
