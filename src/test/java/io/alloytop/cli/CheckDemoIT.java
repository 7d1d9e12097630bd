package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built jar, end to end: `java -jar alloytop.jar --demo check --output json`, no TTY. */
class CheckDemoIT {
    private static Path jar() {
        String p = System.getProperty("alloytop.jar", "target/alloytop.jar");
        Path jar = Path.of(p);
        assertTrue(Files.isRegularFile(jar), "built jar missing: " + jar);
        return jar;
    }

    private static Object[] exec(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread e = new Thread(() -> copy(p.getErrorStream(), err));
        e.start();
        copy(p.getInputStream(), out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "check did not finish");
        e.join();
        return new Object[] {p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (java.io.IOException ignored) {
            // process gone
        }
    }

    @Test
    void demoCheckJson() throws Exception {
        Object[] r = exec("--demo", "check", "--output", "json");
        String out = (String) r[1];
        assertEquals("", r[2], "nothing on stderr");
        JsonNode j = new ObjectMapper().readTree(out);
        // the demo's realistic set has a failing local.file, so it is degraded by design
        assertEquals(1, (int) r[0], out);
        assertEquals("degraded", j.get("status").asText());
        assertEquals(1, j.get("exitCode").asInt());
        assertTrue(j.get("error").isNull());
        assertTrue(j.at("/alloy/version").asText().startsWith("v"), out);
        assertTrue(j.at("/alloy/ready").asBoolean());
        assertTrue(j.at("/alloy/uptimeSeconds").asDouble() >= 0);
        assertTrue(j.at("/config/lastLoadSuccessful").asBoolean());
        assertEquals(8, j.at("/config/shortHash").asText().length());
        int total = j.at("/components/total").asInt();
        assertTrue(total >= 20, out);
        assertEquals(total, j.at("/components/healthy").asInt() + j.at("/components/unhealthy").asInt()
                + j.at("/components/exited").asInt() + j.at("/components/unknown").asInt());
        assertTrue(j.at("/components/inModules").asInt() > 0, "module walk reached inner components");
        boolean localFile = false;
        for (JsonNode p : j.at("/components/problems")) {
            if (p.get("id").asText().startsWith("local.file.")) localFile = true;
            assertTrue(!p.get("message").asText().isEmpty());
        }
        assertTrue(localFile, out);
        assertEquals("sample", j.at("/resources/cpuMethod").asText());
        assertTrue(j.at("/resources/cpuPercent").isNumber(), out);
        assertTrue(j.at("/resources/rssBytes").asLong() > 0);
    }

    @Test
    void refusedTextWithoutTty() throws Exception {
        int port = io.alloytop.testing.Ports.free();
        Object[] r = exec("--url", "http://127.0.0.1:" + port, "check");
        assertEquals(2, (int) r[0]);
        assertEquals("UNREACHABLE: connection refused: is Alloy running on 127.0.0.1:" + port + "?\n", r[1]);
        assertEquals("", r[2]);
    }
}
