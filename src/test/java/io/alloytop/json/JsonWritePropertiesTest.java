package io.alloytop.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/** Json's writers give exactly what ObjectMapper gives for the same tree, compact and indented, as text and bytes. */
class JsonWritePropertiesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper INDENTING = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Provide
    Arbitrary<JsonNode> trees() {
        return Arbitraries.randomValue(r -> node(r, r.nextInt(5)));
    }

    /** Trees as the app builds them, and as reading JSON text gives them. */
    @Provide
    Arbitrary<JsonNode> readTrees() {
        return JsonTexts.documents().map(s -> {
            try {
                return MAPPER.readTree(s);
            } catch (Exception e) {
                return F.textNode(s); // the invalid ones are still a string to write
            }
        });
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void builtTreesWriteAsObjectMapperWritesThem(@ForAll("trees") JsonNode tree) {
        assertWritesSame(tree);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void readTreesWriteAsObjectMapperWritesThem(@ForAll("readTrees") JsonNode tree) {
        assertWritesSame(tree);
    }

    private static void assertWritesSame(JsonNode tree) {
        String what = tree.getNodeType() + " of " + tree.size();
        assertEquals(outcome(() -> MAPPER.writeValueAsString(tree)), outcome(() -> Json.write(tree)), what);
        if (!tree.isMissingNode()) { // MissingNode.toString() alone is "", where every writer gives null
            assertEquals(outcome(() -> tree.toString()), outcome(() -> Json.write(tree)), what);
        }
        assertEquals(outcome(() -> INDENTING.writeValueAsString(tree)), outcome(() -> Json.writePretty(tree)), what);
        assertEquals(outcome(() -> utf8(MAPPER.writeValueAsBytes(tree))), outcome(() -> utf8(Json.writeBytes(tree))), what);
        assertEquals(outcome(() -> utf8(INDENTING.writeValueAsBytes(tree))), outcome(() -> utf8(Json.writePrettyBytes(tree))),
                what);
    }

    /** The text, or the kind of failure (a lone surrogate cannot be UTF-8). */
    private static String outcome(Callable<String> write) {
        try {
            return write.call();
        } catch (Exception e) {
            Throwable c = e.getCause() != null && e instanceof java.io.UncheckedIOException ? e.getCause() : e;
            return "failed: " + c.getClass().getSimpleName();
        }
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static JsonNode node(Random r, int depth) {
        int kind = r.nextInt(depth == 0 ? 14 : 18);
        switch (kind) {
            case 0: return F.textNode(text(r));
            case 1: return F.numberNode(r.nextInt());
            case 2: return F.numberNode(r.nextLong());
            case 3: return F.numberNode(new BigInteger(70 + r.nextInt(100), r).negate());
            case 4: return F.numberNode(Double.longBitsToDouble(r.nextLong()));
            case 5: return F.numberNode(pick(r, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e21, 1e-7, 0.1, 100.0));
            case 6: return F.numberNode(Float.intBitsToFloat(r.nextInt()));
            case 7: return F.numberNode((short) r.nextInt());
            case 8: return F.numberNode(new BigDecimal(new BigInteger(60, r), r.nextInt(40) - 20));
            case 9: return F.booleanNode(r.nextBoolean());
            case 10: return F.nullNode();
            case 11: return F.missingNode();
            case 12: return F.binaryNode(new BigInteger(8 * r.nextInt(12) + 1, r).toByteArray());
            case 13: return F.textNode(pick(r, "", "\u0000\u001f\u007f", "\ud800", "\"\\/", "\u2028\u0085é🚀"));
            case 14, 15: {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) a.add(node(r, depth - 1));
                return a;
            }
            default: {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) o.set(r.nextInt(3) == 0 ? text(r) : pick(r, "a", "b", ""), node(r, depth - 1));
                return o;
            }
        }
    }

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) b.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(0x80)));
        return b.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
