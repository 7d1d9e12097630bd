package io.alloytop.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/** Json.read agrees with a default ObjectMapper's readTree: same trees, same node classes, same failures. */
class JsonReadPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Provide
    Arbitrary<String> documents() {
        return JsonTexts.documents();
    }

    /** Valid documents cut, spliced and sprinkled with JSON's own punctuation. */
    @Provide
    Arbitrary<String> garbled() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]:,\"\\ 0-1eE.tfn\u0000\u00e9").ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(JsonTexts.documents(), Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 3), noise, Arbitraries.integers().between(0, 4)).as((doc, at, cut, ins, how) -> {
                    int i = Math.min(at, doc.length());
                    int j = Math.min(doc.length(), i + cut);
                    switch (how) {
                        case 0: return doc.substring(0, i);
                        case 1: return doc.substring(0, i) + doc.substring(j);
                        case 2: return doc.substring(0, i) + ins + doc.substring(i);
                        case 3: return doc.substring(0, i) + ins + doc.substring(j);
                        default: return doc + doc.substring(0, i);
                    }
                });
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.MIXIN, shrinking = ShrinkingMode.OFF)
    void textReadsAsObjectMapperReadsIt(@ForAll("documents") String json) {
        assertSame(json, outcome(() -> MAPPER.readTree(json)), outcome(() -> Json.read(json)));
    }

    @Property(tries = 3000, shrinking = ShrinkingMode.OFF)
    void garbledTextFailsExactlyWhenObjectMapperFails(@ForAll("garbled") String json) {
        assertSame(json, outcome(() -> MAPPER.readTree(json)), outcome(() -> Json.read(json)));
    }

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void bytesReadAsObjectMapperReadsThem(@ForAll("garbled") String json, @ForAll("slices") int[] slice) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int off = Math.min(slice[0], b.length);
        int len = Math.min(slice[1], b.length - off);
        assertSame(json, outcome(() -> MAPPER.readTree(b)), outcome(() -> Json.read(b)));
        assertSame(json + " [" + off + "+" + len + "]", outcome(() -> MAPPER.readTree(b, off, len)),
                outcome(() -> Json.read(b, off, len)));
    }

    /** Arbitrary bytes reach the encoding detection (UTF-16/32 by BOM or zero bytes) and broken UTF-8. */
    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void arbitraryBytesFailExactlyWhenObjectMapperFails(@ForAll("rawBytes") byte[] b) {
        assertSame(java.util.Arrays.toString(b), outcome(() -> MAPPER.readTree(b)), outcome(() -> Json.read(b)));
    }

    @Provide
    Arbitrary<int[]> slices() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 400))
                .as((off, len) -> new int[] {off, len});
    }

    @Provide
    Arbitrary<byte[]> rawBytes() {
        Arbitrary<byte[]> utf8 = JsonTexts.documents().map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> utf16 = JsonTexts.documents().map(s -> s.getBytes(StandardCharsets.UTF_16));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> flipped = Combinators.combine(utf8, Arbitraries.integers().between(0, 200), Arbitraries.bytes())
                .as((b, at, v) -> {
                    if (b.length > 0) b[at % b.length] = v;
                    return b;
                });
        return Arbitraries.oneOf(utf8, utf16, random, flipped);
    }

    /** A tree, or the failure as class, message and location, which callers print as line:column. */
    private record Outcome(JsonNode tree, String failure) {}

    private interface Read {
        JsonNode run() throws IOException;
    }

    private static Outcome outcome(Read r) {
        try {
            return new Outcome(r.run(), null);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            return new Outcome(null, e.getClass().getName() + ": " + e.getOriginalMessage()
                    + (l == null ? "" : " @" + l.getLineNr() + ":" + l.getColumnNr() + "/" + l.getCharOffset()));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static void assertSame(String input, Outcome expected, Outcome actual) {
        assertEquals(expected.failure(), actual.failure(), () -> "failure for " + quote(input));
        if (expected.tree() == null) return;
        assertEquals(expected.tree(), actual.tree(), () -> "tree for " + quote(input));
        assertEquals(classes(expected.tree()), classes(actual.tree()), () -> "node classes for " + quote(input));
    }

    /** The tree's shape with every node's class, in document order. */
    static String classes(JsonNode n) {
        StringBuilder b = new StringBuilder();
        classes(n, b);
        return b.toString();
    }

    private static void classes(JsonNode n, StringBuilder b) {
        b.append(n.getClass().getSimpleName());
        if (!n.isContainerNode()) return;
        b.append('(');
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(e.getKey()).append('=');
                classes(e.getValue(), b);
                b.append(' ');
            }
        } else {
            for (JsonNode c : n) {
                classes(c, b);
                b.append(' ');
            }
        }
        b.append(')');
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append("'").toString();
    }

    /** Keeps the generator honest: it must reach every node class a JSON text can produce. */
    @Property(tries = 1, edgeCases = EdgeCasesMode.NONE)
    void generatedDocumentsReachEveryNodeClass() throws Exception {
        StringBuilder seen = new StringBuilder();
        List<String> docs = JsonTexts.documents().sampleStream().limit(3000).toList();
        int valid = 0;
        for (String d : docs) {
            try {
                seen.append(classes(MAPPER.readTree(d)));
                valid++;
            } catch (JsonProcessingException ignored) {
                // invalid documents are part of the mix
            }
        }
        assertTrue(valid > docs.size() / 2, "most documents are valid JSON, so trees get compared: " + valid);
        for (String c : List.of("IntNode", "LongNode", "BigIntegerNode", "DoubleNode", "TextNode", "BooleanNode",
                "NullNode", "MissingNode", "ObjectNode", "ArrayNode")) {
            assertTrue(seen.indexOf(c) >= 0, c + " never generated");
        }
    }
}
