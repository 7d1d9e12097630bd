package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import io.alloytop.alloy.Result;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.Keymap;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ViewTest {
    private static final Theme DEF = States.THEMES.defaultTheme();

    private static UiState okState(int cols, int rows) {
        return States.with(Samples.ok(Samples.small(), Samples.T0), cols, rows);
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40", "200,60"})
    void headerTableAndFooterFitAtEverySize(int cols, int rows) {
        VirtualScreen v = VirtualScreen.render(okState(cols, rows));
        String l0 = v.line(0);
        assertTrue(l0.contains("alloytop") && l0.contains("http://127.0.0.1:12345") && l0.contains("ready"), l0);
        assertTrue(l0.contains("config ok"), l0);
        assertTrue(v.line(1).contains("components 4") && v.line(1).contains("1 unhealthy") && v.line(1).contains("3 healthy"), v.line(1));
        int head = v.rowOf("HEALTH");
        assertTrue(head > 0, v.text());
        assertTrue(v.line(head).contains("ID") && v.line(head).contains("MESSAGE"), v.line(head));
        // unhealthy sorts first, in the theme's unhealthy colour, and is selected
        assertTrue(v.line(head + 1).contains("unhealthy") && v.line(head + 1).contains("local.file.api_key"), v.line(head + 1));
        assertEquals(DEF.style(Element.HEALTH_UNHEALTHY).fg(), v.fgOf("unhealthy"));
        assertEquals(DEF.style(Element.TABLE_SELECTED).bg(), v.bgOf("local.file.api_key"));
        assertEquals(DEF.style(Element.HEALTH_HEALTHY).fg(), v.at(v.line(head + 2).indexOf("healthy"), head + 2).getForegroundColor());
        // the healthy rows are not highlighted
        assertNotEquals(DEF.style(Element.TABLE_SELECTED).bg(), v.at(20, head + 2).getBackgroundColor());
        assertTrue(v.line(rows - 1).contains("quit"), v.line(rows - 1));
        for (int r = 0; r < rows; r++) assertEquals(cols, v.line(r).length(), "row " + r + " width");
    }

    @Test
    void wideScreensShowModuleAndWholeMessages() {
        VirtualScreen v = VirtualScreen.render(okState(200, 60));
        assertTrue(v.line(v.rowOf("HEALTH")).contains("MODULE"));
        assertTrue(v.text().contains("failed to read file: open /etc/alloy/secrets/api_key: no such file or directory"));
        assertTrue(v.text().contains("▁") || v.text().contains("█"), "sparklines drawn");
        assertEquals(DEF.style(Element.SPARK_CPU).fg(), v.fgOf("█"));
    }

    @Test
    void narrowScreensDropSparklinesThenColumns() {
        VirtualScreen v = VirtualScreen.render(okState(60, 20));
        String all = v.text();
        for (char c : "▁▂▃▄▅▆▇█".toCharArray()) assertFalse(all.indexOf(c) >= 0, "no sparkline at 60 columns");
        assertTrue(all.contains("CPU") && all.contains("12.3%"));
        String head = v.line(v.rowOf("HEALTH"));
        assertFalse(head.contains("TYPE"), head);
        assertTrue(head.contains("AGE"), head);
        String at80 = VirtualScreen.render(okState(80, 24)).text();
        assertTrue(at80.contains("MODULE") && !at80.contains("TYPE"), at80);
        String narrower = VirtualScreen.render(okState(50, 20)).text();
        assertFalse(narrower.contains("MODULE"), narrower);
        assertTrue(narrower.contains("local.file.api_key"), narrower);
    }

    @Test
    void tooSmallSaysWhatSizeIsNeeded() {
        VirtualScreen v = VirtualScreen.render(okState(30, 8));
        assertTrue(v.text().contains("needs at least 40x10"), v.text());
        assertTrue(v.text().contains("30x8"), v.text());
        assertEquals(DEF.style(Element.WARN).fg(), v.fgOf("needs"));
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40", "200,60"})
    void unreachableIsShoutedWithTheReasonAndKeepsTheLastData(int cols, int rows) {
        UiState s = okState(cols, rows);
        s = States.apply(s, new Event.SnapshotArrived(Samples.unreachable(Samples.small(), Samples.T0.plusSeconds(75), Samples.T0)),
                new Event.Tick(Samples.T0.plusSeconds(75)));
        VirtualScreen v = VirtualScreen.render(s);
        String l1 = v.line(1);
        assertTrue(l1.contains("UNREACHABLE"), l1);
        assertTrue(l1.contains("connection refused"), l1);
        assertTrue(v.text().contains("1m15s ago"), v.text());
        assertEquals(DEF.style(Element.STALE).bg(), v.bgOf("UNREACHABLE"));
        assertTrue(v.line(0).contains("NOT READY"));
        assertTrue(v.text().contains("local.file.api_key"), "last known components stay visible");
    }

    @Test
    void reachableButOldDataIsStale() {
        UiState s = okState(120, 40);
        s = States.apply(s, new Event.Tick(Samples.T0.plusSeconds(60)));
        VirtualScreen v = VirtualScreen.render(s);
        assertTrue(v.line(1).contains("STALE"), v.line(1));
        assertTrue(v.line(1).contains("no fresh data"), v.line(1));
    }

    @Test
    void monochromeReadsAsTextWithoutColour() {
        UiState s = okState(80, 24).with(b -> b.theme = States.THEMES.byName("monochrome"));
        VirtualScreen v = VirtualScreen.render(s);
        assertTrue(v.text().contains("[!!] unhealthy"), v.text());
        assertTrue(v.text().contains("[OK] healthy"), v.text());
        for (int r = 0; r < v.rows; r++) {
            for (int c = 0; c < v.cols; c++) {
                assertEquals(TextColor.ANSI.DEFAULT, v.at(c, r).getForegroundColor(), "fg at " + c + "," + r);
                assertEquals(TextColor.ANSI.DEFAULT, v.at(c, r).getBackgroundColor(), "bg at " + c + "," + r);
            }
        }
        assertTrue(v.cellOf("local.file").getModifiers().contains(SGR.REVERSE), "selection by reverse video");
    }

    @Test
    void asciiModeDrawsOnlyAscii() {
        UiState s = okState(120, 40).with(b -> b.ascii = true);
        String all = VirtualScreen.render(s).text();
        for (char c : all.toCharArray()) assertTrue(c == '\n' || (c >= 0x20 && c < 0x7f), "non-ASCII " + (int) c + " in\n" + all);
        assertTrue(all.contains("x unhealthy"), all);
    }

    @Test
    void controlCharactersFromAlloyAreMadeVisible() {
        List<Component> comps = new ArrayList<>(Samples.small());
        comps.add(Samples.component("loki.write", "evil", "", HealthState.UNHEALTHY, "boom\u001b[2J\u001b]0;title\u0007\u009b", "2026-11-22T08:00:00Z"));
        VirtualScreen v = VirtualScreen.render(States.with(Samples.ok(comps, Samples.T0), 200, 40));
        String all = v.text();
        assertTrue(all.contains("boom␛[2J␛]0;title␇\\x9b"), all);
        for (char c : all.toCharArray()) assertTrue(c >= 0x20 || c == '\n', "control char on screen");
    }

    @Test
    void detailRendersTheAlloyjsonBodiesAsATree() {
        UiState s = States.keys(okState(200, 60), Key.of(Key.Kind.DOWN), Key.of(Key.Kind.DOWN), Key.of(Key.Kind.DOWN), Key.of(Key.Kind.ENTER));
        String id = s.detail.globalId();
        Component c = new FakeBackend(1).component(id).orNull();
        s = States.apply(s, new Event.DetailLoaded(id, Result.ok(c)));
        VirtualScreen v = VirtualScreen.render(s);
        String all = v.text();
        assertTrue(all.contains("Arguments") && all.contains("Debug info") && all.contains("Health history"), all);
        assertTrue(all.contains("scrape_interval = \"15s\""), all);
        assertTrue(all.contains("forward_to = [prometheus.remote_write.default.receiver]"), all);
        assertTrue(all.contains("__address__ = \"alloy.internal:12345\","), all);
        assertTrue(all.contains("password = (secret)"), all);
        assertEquals(DEF.style(Element.DETAIL_SECRET).fg(), v.fgOf("(secret)"));
        assertTrue(all.contains("evil = \"a␛]0;pwned␇b\""), all);
        assertTrue(all.contains("target {"), all);
        assertTrue(all.contains("data flows to"), all);
    }

    @Test
    void detailFailureIsShownNotThrown() {
        UiState s = States.keys(okState(80, 24), Key.of(Key.Kind.ENTER));
        s = States.apply(s, new Event.DetailLoaded(s.detail.globalId(), Result.err(io.alloytop.alloy.Failure.Kind.TIMEOUT, "timed out after 5s")));
        String all = VirtualScreen.render(s).text();
        assertTrue(all.contains("could not load the detail: timed out after 5s"), all);
    }

    @Test
    void helpIsGeneratedFromTheKeymap() {
        UiState s = States.keys(okState(120, 60), Key.ch('?'));
        String all = VirtualScreen.render(s).text();
        for (Keymap.Binding b : s.keymap.bindings()) assertTrue(all.contains(b.help()), "help lacks " + b.help() + "\n" + all);
    }

    @Test
    void filterLineAndEmptyResultAreExplained() {
        UiState s = States.type(okState(80, 24), "/zzz");
        VirtualScreen v = VirtualScreen.render(s);
        assertTrue(v.line(23).startsWith("/zzz"), v.line(23));
        assertTrue(v.text().contains("no component matches `zzz`"), v.text());
    }

    private static UiState withLogs(UiState s, int n) {
        io.alloytop.logs.LogBuffer buf = new io.alloytop.logs.LogBuffer(100);
        for (int i = 0; i < n; i++) {
            io.alloytop.logs.Level lvl = i % 10 == 3 ? io.alloytop.logs.Level.ERROR : io.alloytop.logs.Level.INFO;
            buf.append(new io.alloytop.logs.LogEntry(Samples.T0.plusSeconds(i), lvl, i % 10 == 3 ? "local.file.api_key" : "",
                    i == 5 ? "evil \u001b]0;title\u0007 line" : "line " + i, java.util.Map.of(), io.alloytop.logs.LogEntry.Kind.LINE, false, null));
        }
        return States.apply(s, new Event.LogsChanged(buf.snapshot()));
    }

    @Test
    void logsPaneShowsTheTailWithLevelsAndPausesOnSpace() {
        UiState s = withLogs(okState(120, 40), 30);
        VirtualScreen v = VirtualScreen.render(s);
        String all = v.text();
        assertTrue(all.contains("Logs") && all.contains("30 lines"), all);
        assertTrue(all.contains("line 29"), "the tail is shown:\n" + all);
        assertTrue(all.contains("ERROR local.file.api_key line 23"), all);
        assertEquals(DEF.style(Element.ERROR).fg(), v.fgOf("ERROR local.file"));
        assertFalse(all.contains("line 5 "), "older lines scrolled off");
        s = States.keys(s, Key.of(Key.Kind.TAB));
        assertEquals(UiState.Pane.LOGS, s.focus);
        s = States.keys(s, Key.ch(' '));
        assertTrue(s.logs.paused());
        s = States.keys(s, Key.ch('g'));
        all = VirtualScreen.render(s).text();
        assertTrue(all.contains("PAUSED"), all);
        assertTrue(all.contains("evil ␛]0;title␇ line"), all);
        s = States.keys(s, Key.ch('G'));
        assertFalse(s.logs.paused(), "going to the end follows again");
    }

    @Test
    void withoutALogSourceThePaneIsHiddenAndTheReasonKept() {
        UiState s = okState(120, 40).with(b -> b.logsNote = "journalctl: no permission");
        String all = VirtualScreen.render(s).text();
        assertFalse(all.contains("Logs"), all);
        s = States.keys(s, Key.of(Key.Kind.TAB));
        all = VirtualScreen.render(s).text();
        assertTrue(all.contains("no logs: journalctl: no permission"), all);
    }
}
