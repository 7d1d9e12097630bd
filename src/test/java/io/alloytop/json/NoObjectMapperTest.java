package io.alloytop.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No ObjectMapper on the monitor's and check's JSON paths: it loads ~300 classes beyond the
 * streaming API and the node classes, each ~8 KB of the UI's resident memory. Run in a fresh
 * JVM, since this one has loaded the mapper for other tests' reference comparisons.
 */
class NoObjectMapperTest {
    @Test
    void theHotPathsNeverLoadTheMapper(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-Xss512k",
                "-cp", System.getProperty("java.class.path"), JsonHotPaths.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the hot paths did not finish");
        assertEquals(0, p.exitValue(), out);

        List<String> loaded = Files.readAllLines(log).stream()
                .map(l -> l.replaceFirst("^.*\\[class,load\\] ", "").replaceFirst(" .*$", "")).toList();
        assertTrue(loaded.contains(Json.class.getName()), "the paths ran through Json");
        assertTrue(loaded.contains("com.fasterxml.jackson.databind.node.ObjectNode"), "trees were built");
        assertFalse(loaded.contains("com.fasterxml.jackson.databind.ObjectMapper"), "ObjectMapper was loaded");
        // JsonNode.toString() and toPrettyString() build one behind the scenes
        assertFalse(loaded.contains("com.fasterxml.jackson.databind.node.InternalNodeMapper"),
                "a JsonNode was written with toString()");
        long jackson = loaded.stream().filter(c -> c.startsWith("com.fasterxml.jackson.")).count();
        System.out.println("JSON hot paths loaded " + jackson + " Jackson classes");
    }
}
