package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `alloytop profile ...` as a user runs it, on captured fixtures and against a stand-in server. */
class ProfileCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path fixture(Path dir, String name) throws IOException {
        try (InputStream in = ProfileCommandTest.class.getResourceAsStream("/pprof/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void showPrintsTheTopTableOfASavedProfile(@TempDir Path dir) throws Exception {
        Run r = run("profile", "show", fixture(dir, "prometheus-heap.pb.gz").toString(), "--top", "3");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Type: inuse_space (bytes)   sample types: alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes",
                lines.get(0));
        assertTrue(r.out().contains("Showing top 3 of 35 functions, sorted by flat"), r.out());
        // the first row as go tool pprof -top prints it (2.16MB, 29.90%), with the inline label pprof
        // shows when it keeps every node (-nodecount=0)
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "\\s+2.16MB\\s+29.90%\\s+2.16MB\\s+29.90%  github.com/prometheus/prometheus/tsdb.newStripeSeries \\(inline\\)")),
                r.out());
    }

    @Test
    void showAsJsonHasExactValues(@TempDir Path dir) throws Exception {
        Run r = run("profile", "show", fixture(dir, "prometheus-cpu.pb.gz").toString(), "--output", "json", "--sort", "cum",
                "--top", "5");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("cpu", j.get("sampleType").get("type").asText());
        assertEquals("cum", j.get("sortedBy").asText());
        assertEquals(270_000_000L, j.get("total").asLong());
        assertEquals(5, j.get("top").size());
        assertTrue(j.get("top").get(0).get("cum").asLong() >= j.get("top").get(1).get("cum").asLong());
    }

    @Test
    void goroutineProfilesShowGroupedStacks(@TempDir Path dir) throws Exception {
        Run r = run("profile", "show", fixture(dir, "prometheus-goroutine.pb.gz").toString(), "--stacks", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Stacks grouped by goroutine (top 2 of "), r.out());
        assertTrue(r.out().contains("           runtime.gopark\n"), r.out());
    }

    /** Per function, our B minus A equals go tool pprof -diff_base=A B (regenerate-golden.sh). */
    @Test
    void diffMatchesGoToolPprofDiffBase(@TempDir Path dir) throws Exception {
        Run r = run("profile", "diff", fixture(dir, "prometheus-heap.pb.gz").toString(),
                fixture(dir, "prometheus-heap-later.pb.gz").toString(), "--output", "json", "--top", "100000");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("inuse_space", j.get("sampleType").get("type").asText());

        Map<String, long[]> pprof = new HashMap<>();
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/pprof/prometheus-heap.diff.top.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Pattern row = Pattern.compile("^\\s*(-?\\d+)B?\\s+\\S+%\\s+\\S+%\\s+(-?\\d+)B?\\s+\\S+%\\s+(\\S+)(?: \\(.*\\))?$");
        golden.lines().forEach(l -> {
            Matcher m = row.matcher(l);
            if (m.matches()) pprof.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        });
        assertTrue(pprof.size() > 5, golden);

        Map<String, long[]> ours = new HashMap<>();
        j.get("growers").forEach(g -> ours.put(g.get("name").asText(),
                new long[] {g.get("flatDelta").asLong(), g.get("cumDelta").asLong()}));
        pprof.forEach((name, v) -> {
            if (v[0] > 0 || v[1] > 0) {
                assertTrue(ours.containsKey(name), "missing grower " + name);
                assertEquals(List.of(v[0], v[1]), List.of(ours.get(name)[0], ours.get(name)[1]), name);
            }
        });
        ours.forEach((name, v) -> assertTrue(pprof.containsKey(name), "pprof does not list " + name));
        long previous = Long.MAX_VALUE;
        for (JsonNode g : j.get("growers")) {
            assertTrue(g.get("flatDelta").asLong() <= previous, "largest growth first");
            previous = g.get("flatDelta").asLong();
        }
    }

    @Test
    void unreadableInputIsOneLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path html = Files.writeString(dir.resolve("x.pb.gz"), "<html>");
        Run r = run("profile", "show", html.toString());
        assertEquals(ExitCodes.FAILED, r.code());
        assertEquals("alloytop: not a profile: the data is not gzip-compressed (it starts with '<': an HTML page, not a profile)\n", r.err());

        assertEquals(ExitCodes.USAGE, run("profile", "show", dir.resolve("missing").toString()).code());
        Run bad = run("profile", "show", fixture(dir, "prometheus-heap.pb.gz").toString(), "--sample-index", "nope");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("must be one of: [alloc_objects, alloc_space, inuse_objects, inuse_space]"), bad.err());
        assertEquals(ExitCodes.USAGE, run("profile", "bogus").code());
        assertEquals(ExitCodes.USAGE, run("profile").code());
        assertEquals(ExitCodes.USAGE, run("profile", "heap", "--seconds", "5").code());
    }

    @Test
    void captureFromAnAlloyWithPprofOffExplainsTheFlagAndSavesNothing(@TempDir Path dir) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            byte[] page = "<!doctype html><html><title>Grafana Alloy</title></html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        s.start();
        try {
            Path profiles = dir.resolve("profiles");
            Run r = run("profile", "heap", "--url", "http://127.0.0.1:" + s.getAddress().getPort(),
                    "--profile-dir", profiles.toString());
            assertEquals(ExitCodes.FAILED, r.code());
            assertTrue(r.err().contains("pprof is turned off") && r.err().contains("--server.http.enable-pprof"), r.err());
            assertTrue(!Files.exists(profiles) || Stream.of(profiles.toFile().list()).count() == 0);
        } finally {
            s.stop(0);
        }
    }
}
