package io.alloytop.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.alloy.Result;
import io.alloytop.cli.Main;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.logs.JournalDecoder;
import io.alloytop.logs.LineParser;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogFormat;
import io.alloytop.pipeline.LiveGraphParser;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Poller;
import io.alloytop.ui.view.AlloyJsonTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the JSON paths of the monitor and of `check` once, in a JVM of its own, for
 * {@link NoObjectMapperTest} to read which classes that loaded. Fails (exit 1) when a path gave
 * nothing, so a guard that passes has really been down those paths.
 */
public final class JsonHotPaths {
    private JsonHotPaths() {}

    public static void main(String[] args) throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults());
             HttpAlloyClient client = HttpAlloyClient.create(new ConnectionSettings(demo.baseUrl(), "/", null, null, null,
                     null, null, null, false, Duration.ofSeconds(5))).orNull()) {
            // the monitor's poll, then a detail as the detail view shows it
            AlloySnapshot snap;
            try (Poller poller = new Poller(client, Clock.systemUTC(), Duration.ofSeconds(1), true, s -> { })) {
                snap = poller.pollOnce();
            }
            require(!snap.components().isEmpty(), "the poll listed no components");
            Result<Component> detail = client.component(snap.components().get(0).globalID());
            require(detail.isOk(), "no component detail");
            require(!AlloyJsonTree.body(detail.orNull().arguments(), "").isEmpty(), "the detail has no arguments");

            // the live graph, the log view and its export
            LiveGraphParser graph = new LiveGraphParser("");
            byte[] window = "[{\"componentID\":\"a\",\"targetComponentIDs\":[\"b\"],\"type\":\"metrics\",\"rate\":2.5}]|;|"
                    .getBytes(StandardCharsets.UTF_8);
            require(graph.feed(window, 0, window.length) && graph.edgeRates().size() == 1, "no graph window");
            LogEntry line = LineParser.parse("{\"ts\":\"2026-01-01T00:00:00Z\",\"level\":\"warn\",\"msg\":\"m\","
                    + "\"component_id\":\"x\",\"n\":1,\"o\":{\"k\":[1,2]}}", Instant.now(), null);
            require("{\"k\":[1,2]}".equals(line.fields().get("o")), "a JSON line's object field: " + line.fields());
            require(LogFormat.json(line).startsWith("{\"ts\""), "no JSON export");
            List<LogEntry> journal = new JournalDecoder("alloy.service").decodeLine(
                    "{\"MESSAGE\":\"level=info msg=hi\",\"__REALTIME_TIMESTAMP\":\"1700000000000000\",\"_SYSTEMD_UNIT\":\"alloy.service\"}");
            require(journal.size() == 1 && journal.get(0).message().equals("hi"), "journal: " + journal);
        }

        // check --output json, as the command line runs it
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.execute("check", "--demo", "--cpu-sample", "0", "--output", "json");
        JsonNode report = Json.read(out.toString());
        require(report.path("components").path("total").asInt() > 0, "check reported no components: " + out);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            System.err.println(what);
            System.exit(1);
        }
    }
}
