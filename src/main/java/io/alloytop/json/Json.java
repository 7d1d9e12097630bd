package io.alloytop.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * JSON trees in and out on jackson-core's streaming parser and generator. databind's object
 * mapper, even for a bare readTree, loads ~400 classes (each ~8 KB of resident metadata in the
 * UI); the streaming API and the node classes load ~100. Reading gives what a default mapper's
 * {@code readTree} gives, writing what its {@code writeValueAsString} gives (with
 * {@code INDENT_OUTPUT} for the pretty forms), byte for byte.
 */
public final class Json {
    /** Private so no caller can reconfigure it for everyone (escapes belong on one generator). */
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** The tree of the first value; MissingNode for empty input; anything after the first value is ignored. */
    public static JsonNode read(byte[] json) throws IOException {
        return read(json, 0, json.length);
    }

    /** Throws IOException beyond parse errors as readTree does: bytes may be in an unreadable encoding. */
    public static JsonNode read(byte[] json, int off, int len) throws IOException {
        try (JsonParser p = FACTORY.createParser(json, off, len)) {
            return TreeReader.read(p);
        }
    }

    public static JsonNode read(String json) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return TreeReader.read(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // text in memory: only parse errors can happen
        }
    }

    /** A streaming parser with the shared defaults, for callers that pick fields without a tree. */
    public static JsonParser parser(String json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** A generator with the shared defaults; callers set their own escapes on it. */
    public static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** Writes the tree to a caller's generator, as the mapper's writeTree would. */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        TreeWriter.write(g, node);
    }

    /** Compact, as writeValueAsString and JsonNode.toString() give it (a root MissingNode is null here, "" in toString). */
    public static String write(JsonNode node) {
        return text(node, false);
    }

    /** Indented as the mapper's INDENT_OUTPUT does it: two spaces, {@code "key" : value}. */
    public static String writePretty(JsonNode node) {
        return text(node, true);
    }

    /** Compact UTF-8, as writeValueAsBytes gives it. */
    public static byte[] writeBytes(JsonNode node) {
        return bytes(node, false);
    }

    public static byte[] writePrettyBytes(JsonNode node) {
        return bytes(node, true);
    }

    private static String text(JsonNode node, boolean pretty) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            if (pretty) g.useDefaultPrettyPrinter();
            TreeWriter.write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static byte[] bytes(JsonNode node, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) g.useDefaultPrettyPrinter();
            TreeWriter.write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
