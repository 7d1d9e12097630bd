package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import io.alloytop.alloy.Result;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.testing.FakeHttp;
import io.alloytop.ui.Samples;
import io.alloytop.ui.States;
import io.alloytop.ui.VirtualScreen;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.UiState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal injection: hostile bytes in every string alloytop prints or draws (component IDs, health
 * messages, argument values, the version, error bodies, log lines, profile function names) never
 * reach stdout or the screen as ESC, C1, DEL, stray C0 or bidi controls.
 */
class InjectionTest {
    static final Tally TALLY = new Tally("injection");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private static void scan(String path, String out, boolean tab) {
        TALLY.add("strings." + path, Hostile.STRINGS.size());
        Hostile.assertClean(path, out, tab);
    }

    private static ObjectNode component(String name, String label, String message) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name).put("label", label).put("localID", name + "." + label).put("moduleID", "");
        c.putArray("referencesTo");
        c.putArray("referencedBy");
        c.putObject("health").put("state", "unhealthy").put("message", message).put("updatedTime", "2026-11-22T08:00:00Z");
        ArrayNode args = c.putArray("arguments");
        args.addObject().put("name", "url").put("type", "attr").putObject("value").put("type", "string").put("value", message);
        c.putArray("exports");
        c.putArray("debugInfo");
        return c;
    }

    @Test
    void checkPrintsHostileComponentsVersionAndErrorsClean() throws Exception {
        try (FakeHttp f = FakeHttp.start()) {
            ArrayNode list = JSON.createArrayNode();
            int i = 0;
            for (String h : Hostile.STRINGS) list.add(component("local.file", "l" + (i++) + h, "failed: " + h));
            String version = Hostile.all().replace("\"", "").replace("\\", "");
            f.route("/metrics", ex -> FakeHttp.send(ex, 200, "text/plain",
                    "alloy_build_info{version=\"" + escapeLabel(Hostile.all()) + "\"} 1\nprocess_start_time_seconds 1.7e9\n"));
            f.textJson("/api/v0/web/components", JSON.writeValueAsString(list));
            f.textJson("/api/v0/web/remotecfg/components", "[]");
            f.status("/-/ready", 503, Hostile.all());
            for (String out : List.of("text", "json")) {
                Cli.Run r = Cli.run("--url", f.url(), "--timeout", "3s", "check", "--cpu-sample", "0", "--output", out).clean();
                assertTrue(r.out().length() > 100, r.all());
                scan("check." + out, r.all(), false);
            }
            // an error body echoed into the failure message
            f.status("/metrics", 500, Hostile.all());
            Cli.Run r = Cli.run("--url", f.url(), "--timeout", "3s", "check", "--cpu-sample", "0").clean();
            r.says("500");
            scan("check.errorBody", r.all(), false);
            assertTrue(version.length() > 0);
        }
    }

    private static byte[] replace(byte[] b, byte[] from, byte[] to) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            if (i + 1 < b.length && b[i] == from[0] && b[i + 1] == from[1]) {
                o.write(to, 0, to.length);
                i++;
            } else {
                o.write(b[i]);
            }
        }
        return o.toByteArray();
    }

    private static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Test
    void checkAgainstTheDemoWithHostileHealth() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPort(0))) {
            demo.faults().setHealth("local.file.api_key", "unhealthy", Hostile.all());
            demo.faults().setHealth("prometheus.scrape.services", "exited", Hostile.all());
            Cli.Run r = Cli.run("--url", demo.baseUrl(), "--timeout", "3s", "check", "--cpu-sample", "0").clean();
            assertTrue(r.out().contains("local.file.api_key"), r.out());
            scan("check.demoHealth", r.all(), false);
        }
    }

    @Test
    void logsPrintsHostileLinesClean() throws Exception {
        Path log = tmp.resolve("alloy.log");
        List<String> lines = new ArrayList<>();
        for (String h : Hostile.STRINGS) {
            lines.add("ts=2026-11-22T08:00:00Z level=error msg=\"" + h.replace("\"", "") + "\" component_id=\"" + h.replace("\"", "") + "\"");
            lines.add("{\"level\":\"warn\",\"msg\":" + JSON.writeValueAsString(h) + ",\"err\":" + JSON.writeValueAsString(h) + "}");
            lines.add("raw " + h);
        }
        lines.add("level=info msg=\"escaped \\x1b[2J \\u009b \\u202e \\U0001F600\"");
        // invalid UTF-8 as real bytes: the lone surrogate of the Java string becomes 0xFF 0xC3 in the file
        byte[] text = (String.join("\n", lines) + "\n").replace("\uD800", "@@").getBytes(StandardCharsets.UTF_8);
        Files.write(log, replace(text, "@@".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xC3}));
        for (String out : List.of("text", "json")) {
            Cli.Run r = Cli.run("logs", "--logs", "file", "--log-file", log.toString(), "-n", "200", "--output", out);
            r.clean();
            assertTrue(r.out().lines().count() >= Hostile.STRINGS.size(), out + ":\n" + r.all());
            scan("logs." + out, r.all(), false);
        }
    }

    @Test
    void profileShowPrintsHostileFunctionNamesClean() throws Exception {
        Path prof = tmp.resolve("cpu.pb.gz");
        Files.write(prof, Pprof.profile(Hostile.STRINGS));
        for (String out : List.of("text", "json")) {
            Cli.Run r = Cli.run("profile", "show", prof.toString(), "--output", out).clean();
            assertTrue(r.code() == 0, r.all());
            assertTrue(r.out().contains("clear") && r.out().contains("screen"), r.all());
            scan("profile." + out, r.all(), false);
        }
    }

    @Test
    void uiScreenDrawsHostileStringsClean() {
        List<Component> comps = new ArrayList<>();
        int i = 0;
        for (String h : Hostile.STRINGS) {
            comps.add(Samples.component("local.file", "x" + (i++) + h, "", HealthState.UNHEALTHY, h, "2026-11-22T08:00:00Z"));
        }
        AlloySnapshot ok = Samples.ok(comps, Samples.T0);
        AlloySnapshot bad = new AlloySnapshot(Samples.T0.plusSeconds(5), Hostile.all(), new Failure(Failure.Kind.HTTP_STATUS, Hostile.all()),
                Samples.T0, Hostile.all(), true, false, ok.startEpochSeconds(), ok.config(), comps, new Failure(Failure.Kind.IO, Hostile.all()),
                ok.stats(), ok.history(), null, 0);
        for (int[] size : new int[][] {{120, 40}, {80, 24}, {200, 60}}) {
            UiState s = States.with(ok, size[0], size[1]);
            scan("ui.table", VirtualScreen.render(s).text(), false);
            UiState d = States.keys(s, Key.of(Key.Kind.ENTER));
            Component detail = new Component("local.file", "x0" + Hostile.STRINGS.get(0), "", "x0", List.of(Hostile.all()), List.of(), List.of(),
                    new Health(HealthState.UNHEALTHY, Hostile.all(), "t"), Samples.json(argsJson()), Samples.json(argsJson()),
                    Samples.json("[]"), List.of(), false);
            d = States.apply(d, new Event.DetailLoaded(comps.get(0).globalID(), Result.ok(detail)));
            scan("ui.detail", VirtualScreen.render(d).text(), false);
            io.alloytop.logs.LogBuffer buf = new io.alloytop.logs.LogBuffer(100);
            for (String h : Hostile.STRINGS) {
                buf.append(io.alloytop.logs.LineParser.parse("level=error msg=\"" + h.replace("\"", "") + "\" component_id=" + h.replace(" ", ""),
                        Samples.T0, null));
                buf.append(new io.alloytop.logs.LogEntry(Samples.T0, io.alloytop.logs.Level.WARN, h, h, java.util.Map.of("k", h),
                        io.alloytop.logs.LogEntry.Kind.LINE, false, null));
            }
            UiState l = States.apply(s, new Event.LogsChanged(buf.snapshot()), new Event.LogStatus(Hostile.all(), true),
                    new Event.Notice(Hostile.all()));
            scan("ui.logs", VirtualScreen.render(l).text(), false);
            UiState u = States.apply(s, new Event.SnapshotArrived(bad));
            scan("ui.unreachable", VirtualScreen.render(u).text(), false);
        }
    }

    private static String argsJson() {
        try {
            ArrayNode a = JSON.createArrayNode();
            for (String h : Hostile.STRINGS) {
                ObjectNode st = a.addObject().put("name", h).put("type", "block").put("label", h);
                st.putArray("body").addObject().put("name", h).put("type", "attr").putObject("value").put("type", "string").put("value", h);
            }
            return JSON.writeValueAsString(a);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A minimal gzip'd pprof Profile whose function names are the given strings. */
    static final class Pprof {
        static byte[] profile(List<String> names) throws IOException {
            List<String> strings = new ArrayList<>(List.of("", "cpu", "nanoseconds", "samples", "count", "evil.go"));
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            field(p, 1, msg(w -> { varint(w, 1, 3); varint(w, 2, 4); }));
            field(p, 1, msg(w -> { varint(w, 1, 1); varint(w, 2, 2); }));
            for (int i = 0; i < names.size(); i++) {
                int id = i + 1;
                int nameIdx = strings.size();
                strings.add(names.get(i));
                long v = (names.size() - i) * 1000L;
                field(p, 2, msg(w -> { varint(w, 1, id); varint(w, 2, 1); varint(w, 2, v); }));
                field(p, 4, msg(w -> { varint(w, 1, id); field(w, 4, msg(l -> { varint(l, 1, id); varint(l, 2, 7); })); }));
                field(p, 5, msg(w -> { varint(w, 1, id); varint(w, 2, nameIdx); varint(w, 3, nameIdx); varint(w, 4, 5); }));
            }
            for (String s : strings) field(p, 6, s.getBytes(StandardCharsets.UTF_8));
            field(p, 11, msg(w -> { varint(w, 1, 1); varint(w, 2, 2); }));
            varint(p, 12, 10_000_000);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
                g.write(p.toByteArray());
            }
            return gz.toByteArray();
        }

        interface Body {
            void write(ByteArrayOutputStream w) throws IOException;
        }

        static byte[] msg(Body b) throws IOException {
            ByteArrayOutputStream w = new ByteArrayOutputStream();
            b.write(w);
            return w.toByteArray();
        }

        static void raw(ByteArrayOutputStream w, long v) {
            while ((v & ~0x7FL) != 0) {
                w.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            w.write((int) v);
        }

        static void varint(ByteArrayOutputStream w, int field, long v) {
            raw(w, (long) field << 3);
            raw(w, v);
        }

        static void field(ByteArrayOutputStream w, int field, byte[] b) throws IOException {
            raw(w, ((long) field << 3) | 2);
            raw(w, b.length);
            w.write(b);
        }
    }
}
