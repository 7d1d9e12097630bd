package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.testing.Ports;
import io.alloytop.testing.PrometheusServer;
import io.alloytop.testing.RealPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar capturing from Debian's prometheus, its JSON checked against go tool pprof on the saved file. */
class ProfileCommandIT {
    record Run(int code, String out, String err) {}

    static Run jar(Path dir, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void capturesSavesAndPrintsWhatGoToolPprofPrints(@TempDir Path dir) throws Exception {
        Path go = RealPrograms.require("go");
        try (PrometheusServer prom = PrometheusServer.start()) {
            Run r = jar(dir, "profile", "goroutine", "--url", prom.url(), "--output", "json", "--top", "20");
            assertEquals(0, r.code(), r.err());
            JsonNode j = new ObjectMapper().readTree(r.out());
            Path saved = dir.resolve(j.get("file").asText());
            assertTrue(saved.getFileName().toString().matches("alloy-[A-Za-z0-9._-]+-goroutine-\\d{8}T\\d{6}Z\\.pb\\.gz"), saved.toString());
            assertEquals(Files.size(saved), j.get("size").asLong());
            assertTrue(saved.startsWith(dir.resolve("alloytop-profiles")), "default --profile-dir is ./alloytop-profiles");

            Process p = new ProcessBuilder(go.toString(), "tool", "pprof", "-top", "-nodecount=0", "-nodefraction=0",
                    "-edgefraction=0", saved.toString()).redirectErrorStream(true).start();
            List<String> pprof = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .dropWhile(l -> !l.trim().startsWith("flat  flat%")).skip(1).toList();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(20, j.get("top").size());
            for (int i = 0; i < 20; i++) {
                JsonNode row = j.get("top").get(i);
                String[] cols = pprof.get(i).trim().split("\\s+");
                assertEquals(cols[0], row.get("flat").asText(), pprof.get(i));
                assertEquals(cols[3], row.get("cum").asText(), pprof.get(i));
                assertEquals(cols[5], row.get("name").asText(), pprof.get(i));
            }

            Run text = jar(dir, "profile", "heap", "--url", prom.url(), "--top", "5", "--profile-dir", "heaps");
            assertEquals(0, text.code(), text.err());
            assertTrue(text.out().startsWith("Saved heaps/alloy-"), text.out());
            assertTrue(text.out().contains("Type: inuse_space (bytes)"), text.out());
        }
    }

    @Test
    void nothingListeningExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        Run r = jar(dir, "profile", "heap", "--url", "http://127.0.0.1:" + Ports.free());
        assertEquals(ExitCodes.UNREACHABLE, r.code());
        assertTrue(r.err().startsWith("alloytop: cannot connect to http://127.0.0.1:"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
