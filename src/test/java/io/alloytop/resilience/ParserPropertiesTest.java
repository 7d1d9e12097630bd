package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.alloy.Result;
import io.alloytop.logs.JournalDecoder;
import io.alloytop.logs.LineParser;
import io.alloytop.logs.LogEntry;
import io.alloytop.pipeline.LiveGraphParser;
import io.alloytop.problems.ThresholdsFile;
import io.alloytop.syntax.AlloyFile;
import io.alloytop.syntax.Parser;
import io.alloytop.testing.FakeHttp;
import io.alloytop.ui.theme.ThemeParser;
import io.alloytop.ui.view.AlloyJsonTree;
import io.alloytop.ui.view.Line;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every parser alloytop feeds with outside text, under generated bad input: each returns a result or
 * its documented error value (IOException only for the live-graph stream), never another exception,
 * never a hang (2 s per input), never output beyond a stated multiple of its input. Tries are fixed
 * and modest so CI stays fast; each property records how many inputs it ran in target/resilience.
 */
class ParserPropertiesTest {
    static final Tally TALLY = new Tally("parsers");
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FALLBACK = Instant.parse("2026-11-22T00:00:00Z");

    private static FakeHttp server;
    private static HttpAlloyClient client;
    private static volatile String body = "[]";

    @BeforeContainer
    static void startServer() throws IOException {
        server = FakeHttp.start();
        server.route("/api/v0/web/components", ex -> FakeHttp.send(ex, 200, "application/json", body));
        server.route("/api/v0/web/components/prometheus.scrape.x", ex -> FakeHttp.send(ex, 200, "application/json", body));
        server.textJson("/api/v0/web/remotecfg/components", "[]");
        client = HttpAlloyClient.create(ConnectionSettings.of(server.url()).withTimeout(Duration.ofSeconds(2))).orNull();
    }

    @AfterContainer
    static void stopServer() {
        if (client != null) client.close();
        if (server != null) server.close();
        TALLY.write();
    }

    private static void within(String parser, Runnable r) {
        TALLY.inc("inputs." + parser);
        assertTimeoutPreemptively(LIMIT, r::run, parser + " took longer than " + LIMIT);
    }

    // ---- component JSON and alloyjson (over HTTP, as alloytop reads them)

    @Provide
    Arbitrary<String> componentJson() {
        return Mutations.of(Mutations.seeds("componentjson"));
    }

    @Property(tries = 120)
    void componentJsonGivesComponentsOrAFailure(@ForAll("componentJson") String text) {
        within("componentJson", () -> {
            body = text;
            Result<List<Component>> list = client.allComponents();
            assertNotNull(list);
            if (!list.isOk()) assertFalse(list.failureOrNull().message().isBlank());
            Result<Component> one = client.component("prometheus.scrape.x");
            assertNotNull(one);
            if (!one.isOk()) assertFalse(one.failureOrNull().message().isBlank());
        });
    }

    @Property(tries = 500)
    void alloyJsonTreeRendersAnyBodyBoundedAndSanitised(@ForAll("componentJson") String text) {
        within("alloyJsonTree", () -> {
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (IOException notJson) {
                return; // the client never hands the renderer something Jackson refused
            }
            if (n == null) return;
            for (JsonNode b : List.of(n, n.path("arguments"), n.path("exports"), n.path("debugInfo"))) {
                List<Line> lines = AlloyJsonTree.body(b, "");
                assertTrue(lines.size() <= text.length() + 1, "lines " + lines.size() + " for " + text.length() + " chars");
                for (Line l : lines) assertNoControls(l.text());
            }
        });
    }

    // ---- logs

    @Provide
    Arbitrary<String> logLines() {
        return Mutations.of(Mutations.read(Mutations.CORPUS.resolve("logline/alloy.log")).lines().toList());
    }

    @Property(tries = 1000)
    void logLineParserAlwaysGivesAnEntry(@ForAll("logLines") String text) {
        within("logLine", () -> {
            for (String line : text.split("\n", -1)) {
                LogEntry e = LineParser.parse(line, FALLBACK, "c1");
                assertNotNull(e);
                assertNotNull(e.message());
                assertNotNull(e.level());
                // escapes are decoded or kept, never multiplied beyond a small factor
                assertTrue(e.message().length() <= 2 * line.length() + 256, "message grew to " + e.message().length());
            }
        });
    }

    @Provide
    Arbitrary<String> journalLines() {
        return Mutations.of(Mutations.read(Mutations.CORPUS.resolve("journal/alloy.jsonl")).lines().toList());
    }

    @Property(tries = 800)
    void journalDecoderAlwaysGivesEntriesOrANotice(@ForAll("journalLines") String text) {
        within("journalJson", () -> {
            JournalDecoder d = new JournalDecoder("alloy.service");
            for (String line : text.split("\n", -1)) {
                List<LogEntry> es = d.decodeLine(line);
                assertNotNull(es);
                assertTrue(es.size() <= 4, "one line gave " + es.size() + " entries");
                for (LogEntry e : es) assertNotNull(e.message());
            }
        });
    }

    // ---- Alloy syntax (string-level splices; the syntax package's own properties mutate bytes)

    @Provide
    Arbitrary<String> alloyConfigs() {
        return Mutations.of(Mutations.seeds("../syntax/valid").stream().filter(s -> !s.isEmpty()).toList());
    }

    @Property(tries = 400)
    void syntaxParserGivesAFileWithDiagnostics(@ForAll("alloyConfigs") String text) {
        within("alloySyntax", () -> {
            AlloyFile f = Parser.parse("config.alloy", text);
            assertNotNull(f);
            assertTrue(f.diagnostics().size() <= text.length() + 8, "diagnostics " + f.diagnostics().size());
            AlloyFile b = Parser.parse("config.alloy", text.getBytes(StandardCharsets.UTF_8));
            assertNotNull(b);
        });
    }

    // ---- theme and thresholds files

    @Provide
    Arbitrary<String> themes() {
        return Mutations.of(Mutations.seeds("theme"));
    }

    @Property(tries = 500)
    void themeParserGivesAThemeAndLineErrors(@ForAll("themes") String text) {
        within("theme", () -> {
            ThemeParser.Parsed p = ThemeParser.parse("user", "user.theme", text, null);
            assertNotNull(p.theme());
            assertTrue(p.errors().size() <= text.split("\r?\n", -1).length, "more errors than lines");
            for (String e : p.errors()) assertTrue(e.startsWith("user.theme:"), e);
        });
    }

    @Provide
    Arbitrary<String> thresholds() {
        return Mutations.of(Mutations.seeds("thresholds"));
    }

    @Property(tries = 500)
    void thresholdsFileGivesThresholdsOrAnError(@ForAll("thresholds") String text) {
        within("thresholds", () -> {
            Result<?> r = ThresholdsFile.parse("alloytop.conf", text.lines().toList());
            assertNotNull(r);
            if (!r.isOk()) assertTrue(r.failureOrNull().message().startsWith("alloytop.conf:"), r.failureOrNull().message());
        });
    }

    // ---- live-debugging graph stream, fed in arbitrary chunks

    @Provide
    Arbitrary<String> graphStreams() {
        return Mutations.of(List.of(Mutations.read(Mutations.CORPUS.resolve("livegraph/stream.bin"))));
    }

    @Property(tries = 500)
    void liveGraphParserGivesRatesOrAnIOException(@ForAll("graphStreams") String text,
                                                   @ForAll("chunks") int chunk) {
        within("liveGraph", () -> {
            LiveGraphParser p = new LiveGraphParser(chunk % 2 == 0 ? "" : "self_monitor.main");
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            try {
                for (int off = 0; off < b.length; off += chunk) p.feed(b, off, Math.min(chunk, b.length - off));
                assertNotNull(p.edgeRates());
                for (Double v : p.edgeRates().values()) assertNotNull(v);
            } catch (IOException documented) {
                assertNotNull(documented.getMessage());
            }
        });
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.integers().between(1, 4096);
    }

    static void assertNoControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0);
            assertFalse(bad, "control U+" + Integer.toHexString(c) + " in " + s);
        }
    }

}
