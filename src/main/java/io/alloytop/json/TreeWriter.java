package io.alloytop.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree with the generator calls ObjectNode/ArrayNode.serialize make under a default
 * mapper, without the SerializerProvider they are handed there: NullNode and BinaryNode would
 * dereference it, so those are written here, as is nesting, on an explicit stack.
 */
final class TreeWriter {
    private TreeWriter() {}

    /** One open container: its children still to write. */
    private record Open(boolean object, Iterator<?> rest) {}

    static void write(JsonGenerator g, JsonNode root) throws IOException {
        ArrayDeque<Open> open = new ArrayDeque<>();
        Open o = start(g, root);
        if (o == null) return;
        open.push(o);
        while (!open.isEmpty()) {
            Open top = open.peek();
            if (!top.rest().hasNext()) {
                if (top.object()) g.writeEndObject();
                else g.writeEndArray();
                open.pop();
                continue;
            }
            JsonNode child;
            if (top.object()) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) top.rest().next();
                g.writeFieldName((String) e.getKey());
                child = (JsonNode) e.getValue();
            } else {
                child = (JsonNode) top.rest().next();
            }
            Open inner = start(g, child);
            if (inner != null) open.push(inner);
        }
    }

    /** Writes a value whole, or opens a container and returns what is left of it. */
    private static Open start(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT:
                g.writeStartObject(n);
                return new Open(true, n.properties().iterator());
            case ARRAY:
                g.writeStartArray(n, n.size());
                return new Open(false, n.iterator());
            case NULL:
            case MISSING:
                g.writeNull();
                return null;
            case BINARY:
                byte[] b = n.binaryValue();
                if (b == null) g.writeNull();
                else g.writeBinary(Base64Variants.getDefaultVariant(), b, 0, b.length);
                return null;
            case POJO:
                if (((POJONode) n).getPojo() != null) {
                    throw new IllegalArgumentException("a POJO node needs databind's serializers: "
                            + ((POJONode) n).getPojo().getClass().getName());
                }
                g.writeNull();
                return null;
            default:
                n.serialize(g, null); // text, number, boolean: a single generator call that ignores the provider
                return null;
        }
    }
}
