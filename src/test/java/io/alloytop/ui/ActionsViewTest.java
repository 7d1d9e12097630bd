package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardStep;
import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.ValueType;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.ForwardEvent;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.ProfileEvent;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.model.Update;
import io.alloytop.ui.theme.Element;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile view and the forwarding dialog drawn on Lanterna's virtual terminal. */
class ActionsViewTest {
    private static final String KEY = "glc_eyJvIjoiOTg3NjU0In0SECRETKEY";

    private static UiState base(int cols, int rows) {
        return States.with(Samples.ok(Samples.small(), Samples.T0), cols, rows);
    }

    private static void fits(VirtualScreen v) {
        for (int r = 0; r < v.rows; r++) assertEquals(v.cols, v.line(r).length(), "row " + r + " width");
    }

    private static UiState capturing(int cols, int rows) {
        UiState s = States.keys(base(cols, rows), Key.ch('p'), Key.of(Kind.ENTER));
        return States.apply(s, new Event.Profile(new ProfileEvent.Progress(s.profile.id(), Duration.ofSeconds(12), Duration.ofSeconds(30))));
    }

    static List<ProfileSummary> cpu(int n) {
        List<ValueType> types = List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds"));
        List<ProfileSummary> out = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<ProfileSummary.Row> rows = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < n; i++) total += (n - i) * 10_000_000L;
            for (int i = 0; i < n; i++) {
                long v = (n - i) * 10_000_000L;
                rows.add(new ProfileSummary.Row("github.com/grafana/alloy/internal/fn" + i, v, v * 2, 100.0 * v / total, 200.0 * v / total, ""));
            }
            // a function name from the profiled process with a terminal escape in it
            rows.add(new ProfileSummary.Row("evil\u001b[2Jname", 1, 1, 0, 0, ""));
            out.add(new ProfileSummary("cpu", types, t, total, 30_000_000_000L, 0, 1234, rows, ProfileSummary.SortKey.FLAT));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void thePickerListsEveryTypeWithTheCpuSeconds(int cols, int rows) {
        VirtualScreen v = VirtualScreen.render(States.keys(base(cols, rows), Key.ch('p'), Key.of(Kind.DOWN)));
        String all = v.text();
        for (String t : List.of("cpu", "heap", "allocs", "goroutine", "mutex", "block", "trace")) assertTrue(all.contains(" " + t + " "), t + "\n" + all);
        assertTrue(v.line(v.rowOf("where CPU time")).contains("cpu         30 s"), v.line(v.rowOf("where CPU time")));
        assertTrue(v.line(v.rowOf("> heap")).contains("live heap"), all);
        assertEquals(States.THEMES.defaultTheme().style(Element.TABLE_SELECTED).bg(), v.bgOf("> heap"));
        assertTrue(v.line(rows - 1).contains("capture"), v.line(rows - 1));
        fits(v);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void captureProgressShowsABarAndTheCountdown(int cols, int rows) {
        VirtualScreen v = VirtualScreen.render(capturing(cols, rows));
        String all = v.text();
        assertTrue(all.contains("capturing cpu"), all);
        assertTrue(all.contains(" 40%  18 s left"), all);
        String bar = v.line(v.rowOf("s left"));
        int full = bar.length() - bar.replace("█", "").length();
        int empty = bar.length() - bar.replace("░", "").length();
        assertEquals(0.4, (double) full / (full + empty), 0.05, bar);
        assertTrue(all.contains("c or Esc cancels"), all);
        fits(v);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void theTopTableShowsFileFactsAndRowsInOrder(int cols, int rows) {
        UiState s = capturing(cols, rows);
        s = States.apply(s, new Event.Profile(new ProfileEvent.Done(s.profile.id(), "alloytop-profiles/alloy-web01-cpu-20261122T101500Z.pb.gz",
                48_213, cpu(60), 1, null)));
        VirtualScreen v = VirtualScreen.render(s);
        String all = v.text();
        assertTrue(all.contains("saved alloytop-profiles/alloy-web01-cpu-20261122T101500Z.pb.gz"), all);
        assertTrue(all.contains("type cpu (2/2, i: samples next)"), all);
        assertTrue(all.contains("1234 samples"), all);
        int head = v.rowOf("flat%");
        assertTrue(v.line(head).contains("▼flat"), v.line(head));
        assertTrue(v.line(head + 1).contains("internal/fn0") && v.line(head + 2).contains("internal/fn1"), all);
        assertFalse(all.contains("\u001b"), "escape sequences from function names are made inert");
        fits(v);
        VirtualScreen cum = VirtualScreen.render(States.keys(s, Key.ch('s'), Key.of(Kind.DOWN)));
        assertTrue(cum.line(cum.rowOf("flat%")).contains("▼cum"));
        assertTrue(cum.line(cum.rowOf("flat%") + 1).contains("internal/fn1"), cum.text());
        assertTrue(cum.text().contains("2-"), cum.text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void errorsAreAClearMessageInTheView(int cols, int rows) {
        UiState s = States.keys(base(cols, rows), Key.ch('p'), Key.of(Kind.ENTER));
        s = States.apply(s, new Event.Profile(new ProfileEvent.Failed(s.profile.id(),
                "Alloy answered HTML, not a profile: pprof is off (--server.http.enable-pprof=false); start Alloy with it true")));
        String all = VirtualScreen.render(s).text();
        assertTrue(all.contains("cpu failed"), all);
        assertTrue(all.replace("\n", " ").contains("--server.http.enable-pprof=false"), all);
    }

    private static UiState planned(int cols, int rows) {
        UiState s = States.keys(base(cols, rows), Key.ch('f'));
        return States.apply(s, new Event.Forward(new ForwardEvent.Planned(s.forward.id(), ForwardPlan.Action.ON, "/etc/alloy/config.alloy",
                List.of("config: /etc/alloy/config.alloy (--config-path)", "signals: logs, metrics", "change: 1 file, +3 -0 lines",
                        "diff:", "--- /etc/alloy/config.alloy", "+++ /etc/alloy/config.alloy", "@@ -10,0 +11,3 @@",
                        "+// BEGIN alloytop managed block", "+prometheus.exporter.self \"alloytop_self\" { }", "+// END alloytop managed block"),
                List.of("metrics: ok", "logs: credentials refused (401 from the endpoint)"), false, false)));
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void thePlanShowsTargetSignalsDiffPreflightAndAsks(int cols, int rows) {
        VirtualScreen v = VirtualScreen.render(planned(cols, rows));
        String all = v.text();
        assertTrue(all.contains("switch ON"), all);
        assertTrue(all.contains("config: /etc/alloy/config.alloy"), all);
        assertTrue(all.contains("signals: logs, metrics") && all.contains("+3 -0 lines"), all);
        assertTrue(all.contains("+prometheus.exporter.self"), all);
        assertTrue(all.contains("logs: credentials refused"), all);
        assertTrue(all.contains("y/n"), all);
        assertEquals(States.THEMES.defaultTheme().style(Element.OK).fg(), v.fgOf("+// BEGIN"));
        fits(v);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void stepsAndTheResultAreDrawnLive(int cols, int rows) {
        UiState s = States.keys(planned(cols, rows), Key.ch('y'));
        long id = s.forward.id();
        s = States.apply(s,
                new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.WRITE, ForwardStep.State.OK, "wrote /etc/alloy/config.alloy"))),
                new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.RELOAD, ForwardStep.State.OK, "200"))),
                new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.VERIFY, ForwardStep.State.FAILED,
                        "loki.write.alloytop_logs unhealthy: 401 Unauthorized"))),
                new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.ROLLBACK, ForwardStep.State.OK, "previous bytes restored, reloaded"))));
        String running = VirtualScreen.render(States.keys(s, Key.of(Kind.PAGE_DOWN))).text();
        assertTrue(running.contains("[FAIL] verify: loki.write.alloytop_logs unhealthy: 401 Unauthorized"), running);
        assertTrue(running.contains("[ok  ] rollback"), running);
        assertTrue(running.contains("working"), running);
        s = States.apply(s, new Event.Forward(new ForwardEvent.Finished(id, false, true, "rolled back: verify failed")));
        VirtualScreen v = VirtualScreen.render(States.keys(s, Key.of(Kind.PAGE_DOWN)));
        assertTrue(v.text().contains("FAILED: rolled back: verify failed"), v.text());
        assertEquals(States.THEMES.defaultTheme().style(Element.ERROR).fg(), v.fgOf("FAILED: rolled back"));
        fits(v);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void theMaskedKeyNeverReachesACellOrToString(int cols, int rows) {
        UiState s = States.keys(base(cols, rows), Key.ch('f'));
        s = States.apply(s, new Event.Forward(new ForwardEvent.NeedsKey(s.forward.id(), ForwardPlan.Action.ON, "/etc/alloy/config.alloy")));
        UiState typed = States.type(s, KEY);
        VirtualScreen v = VirtualScreen.render(typed);
        String all = v.text();
        assertTrue(all.contains("GCLOUD_RW_API_KEY is not set"), all);
        assertTrue(all.contains("API key: " + "*".repeat(KEY.length())), all);
        assertFalse(all.contains(KEY) || all.contains("SECRET") || all.contains("glc_"), all);
        assertFalse(typed.toString().contains(KEY) || typed.forward.toString().contains(KEY), typed.forward.toString());
        // nor once it is handed to the effect runner
        Update.Step enter = Update.update(typed, new Event.KeyPressed(Key.of(Kind.ENTER)));
        assertFalse(VirtualScreen.render(enter.state()).text().contains("SECRET"));
        assertFalse(enter.state().toString().contains(KEY) || enter.commands().toString().contains(KEY), enter.commands().toString());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void unavailableExplainsWhatToDoAndTheHeaderShowsTheState(int cols, int rows) {
        UiState s = States.keys(base(cols, rows), Key.ch('f'));
        s = States.apply(s, new Event.Forward(new ForwardEvent.Unavailable(s.forward.id(),
                "forwarding needs Alloy's config file: start alloytop with --config-path")),
                new Event.Forward(new ForwardEvent.Header("forwarding metrics 12/s, logs FAILING", true)));
        VirtualScreen v = VirtualScreen.render(s);
        assertTrue(v.text().contains("forwarding needs Alloy's config file: start alloytop with --config-path"), v.text());
        if (cols >= 120) {
            assertTrue(v.line(0).contains("fwd metrics 12/s, logs FAILING"), v.line(0));
            assertEquals(States.THEMES.defaultTheme().style(Element.ERROR).fg(), v.fgOf("metrics 12/s"));
        }
        fits(v);
    }

    @org.junit.jupiter.api.Test
    void aLongReasonWrapsInsteadOfBeingCut() {
        UiState s = States.keys(planned(80, 24), Key.ch('y'));
        String reason = "reload answered 400: error during the initial load: /etc/alloy/config.alloy:12:3: "
                + "component \"prometheus.remote_write.alloytop_selfmon\" does not exist or is out of scope";
        s = States.apply(s, new Event.Forward(new ForwardEvent.Step(s.forward.id(), new ForwardStep(ForwardStep.Step.RELOAD,
                ForwardStep.State.FAILED, reason))), new Event.Forward(new ForwardEvent.Finished(s.forward.id(), false, true, "rolled back")));
        VirtualScreen v = VirtualScreen.render(States.keys(s, Key.ch('G')));
        String joined = v.text().replaceAll("\\s+", " ");
        assertTrue(joined.contains("does not exist or is out of scope"), v.text());
        assertTrue(joined.contains("FAILED: rolled back"), v.text());
    }
}
