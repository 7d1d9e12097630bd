package io.alloytop.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Builds a tree from parser tokens the way databind's JsonNodeDeserializer does for a default
 * mapper: the parser decides number types, a repeated key keeps its first position and its last
 * value. An explicit stack rather than recursion, so nesting is bounded only by the parser's
 * StreamReadConstraints (1000 levels), never by the thread's stack (the app runs with -Xss512k).
 */
final class TreeReader {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TreeReader() {}

    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) return F.missingNode();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return scalar(p, t);
        ContainerNode<?> root = t == JsonToken.START_OBJECT ? F.objectNode() : F.arrayNode();
        ArrayDeque<ContainerNode<?>> outer = new ArrayDeque<>();
        ContainerNode<?> cur = root;
        while (true) {
            // nextFieldName in objects and nextToken in arrays, as databind calls them: the parser's
            // two paths word the same syntax error differently, and callers show that message.
            String key = null;
            if (cur instanceof ObjectNode) {
                key = p.nextFieldName();
                t = key != null ? p.nextToken() : p.currentToken();
                if (key == null && t != JsonToken.END_OBJECT) throw new JsonParseException(p, "Unexpected " + t + " in an object");
            } else {
                t = p.nextToken();
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                if (outer.isEmpty()) return root;
                cur = outer.pop();
                continue;
            }
            boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
            JsonNode v = t == JsonToken.START_OBJECT ? F.objectNode() : t == JsonToken.START_ARRAY ? F.arrayNode() : scalar(p, t);
            if (key != null) ((ObjectNode) cur).replace(key, v);
            else ((ArrayNode) cur).add(v);
            if (opens) {
                outer.push(cur);
                cur = (ContainerNode<?>) v;
            }
        }
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == null) throw new JsonParseException(p, "Unexpected end-of-input");
        switch (t) {
            case VALUE_STRING:
                return F.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return F.numberNode(p.getIntValue());
                    case LONG: return F.numberNode(p.getLongValue());
                    default: return F.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                // JSON text never reports an exact type (UNKNOWN): a double, as databind does without
                // USE_BIG_DECIMAL_FOR_FLOATS. The other cases follow its defaults for parsers that do.
                switch (p.getNumberTypeFP()) {
                    case BIG_DECIMAL: return F.numberNode(p.getDecimalValue().stripTrailingZeros());
                    case FLOAT32: return F.numberNode(p.getFloatValue());
                    default: return F.numberNode(p.getDoubleValue());
                }
            case VALUE_TRUE:
                return F.booleanNode(true);
            case VALUE_FALSE:
                return F.booleanNode(false);
            case VALUE_NULL:
                return F.nullNode();
            default:
                throw new JsonParseException(p, "Unexpected token (" + t + ") where a JSON value was expected");
        }
    }
}
