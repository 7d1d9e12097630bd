package io.alloytop.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Hostile nesting is a parse error, never a StackOverflowError, on the app's 512k thread stacks. */
class JsonNestingTest {
    private static final long APP_STACK = 512 * 1024; // dist's -Xss512k

    @Test
    void hundredThousandOpenBracketsAreAnErrorOnASmallStack() throws Exception {
        String deep = "[".repeat(100_000);
        Object text = onAppStack(() -> Json.read(deep));
        Object bytes = onAppStack(() -> Json.read(deep.getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(StreamConstraintsException.class, text, String.valueOf(text));
        assertInstanceOf(StreamConstraintsException.class, bytes, String.valueOf(bytes));
    }

    @Test
    void theDeepestAllowedDocumentReadsAndWritesOnASmallStack() throws Exception {
        int max = 1000; // StreamReadConstraints' default maxNestingDepth, also StreamWriteConstraints'
        String json = "{\"a\":".repeat(max / 2) + "[".repeat(max / 2) + "1" + "]".repeat(max / 2) + "}".repeat(max / 2);
        Object read = onAppStack(() -> Json.read(json));
        assertInstanceOf(JsonNode.class, read, String.valueOf(read));
        assertEquals(new ObjectMapper().readTree(json), read);
        assertEquals(json, onAppStack(() -> Json.write((JsonNode) read)));
        assertEquals(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(read),
                onAppStack(() -> Json.writePretty((JsonNode) read)));
    }

    @Test
    void oneLevelPastTheLimitFailsAsObjectMapperFails() {
        String json = "[".repeat(1001) + "]".repeat(1001);
        Exception mapper = null;
        try {
            new ObjectMapper().readTree(json);
        } catch (Exception e) {
            mapper = e;
        }
        Object ours = onAppStack(() -> Json.read(json));
        assertInstanceOf(StreamConstraintsException.class, mapper);
        assertInstanceOf(StreamConstraintsException.class, ours);
        assertEquals(mapper.getMessage(), ((Exception) ours).getMessage());
    }

    private interface Work {
        Object run() throws Exception;
    }

    /** What the work returned or threw, on a thread with the app's stack size. */
    private static Object onAppStack(Work w) {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(w.run());
            } catch (Throwable e) {
                out.set(e);
            }
        }, "small-stack", APP_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTrue(!(out.get() instanceof StackOverflowError), "stack overflow");
        return out.get();
    }
}
