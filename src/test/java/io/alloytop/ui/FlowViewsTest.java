package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.pipeline.Graphs;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.problems.ComponentFlow;
import io.alloytop.problems.FlowReport;
import io.alloytop.problems.Observation;
import io.alloytop.problems.Problem;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Theme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The problems view, the pipeline view and the detail's flow section on Lanterna's virtual terminal. */
class FlowViewsTest {
    private static final Theme DEF = States.THEMES.defaultTheme();
    private static final String RW = "prometheus.remote_write.cloud";

    private static FlowReport report() {
        ComponentFlow rw = new ComponentFlow(RW, "samples", 1200, 0, 0, 0, 95, 4100, new double[] {1200, 1180, 1210, 0, 0});
        ComponentFlow scrape = new ComponentFlow("prometheus.scrape.self", "samples", Double.NaN, 1200, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, new double[] {1200, 1200});
        Problem stalled = new Problem(Problem.Kind.STALLED, Problem.Severity.CRITICAL, RW,
                "sent nothing for 10s while reporting healthy although its inputs still flow (1200 samples/s in)",
                Samples.T0.minusSeconds(10));
        Problem restarted = new Problem(Problem.Kind.RESTARTED, Problem.Severity.WARNING, "",
                "Alloy restarted 2m ago (process start time changed)", Samples.T0.minusSeconds(120));
        return new FlowReport(Samples.T0, Map.of(RW, rw, "prometheus.scrape.self", scrape), List.of(stalled, restarted), false);
    }

    private static UiState observed(AlloySnapshot snap, int cols, int rows) {
        return States.apply(States.initial(cols, rows), new Event.Observed(new Observation(snap, report())));
    }

    @Test
    void headerCountsProblemsAndTheProblemsViewListsThemInSeverityColours() {
        UiState s = observed(Samples.ok(Graphs.typical(""), Samples.T0), 120, 40);
        VirtualScreen table = VirtualScreen.render(s);
        assertTrue(table.line(1).contains("2 problems (!)"), table.line(1));
        assertEquals(DEF.style(Element.ERROR).fg(), table.fgOf("2 problems"), "a critical one makes the count red");

        VirtualScreen v = VirtualScreen.render(States.type(s, "!"));
        assertTrue(v.text().contains("Problems: 2"), v.text());
        int row = v.rowOf("stalled");
        assertTrue(v.line(row).contains("CRIT") && v.line(row).contains(RW) && v.line(row).contains("for 10s"), v.line(row));
        assertTrue(v.line(row + 1).contains("while reporting healthy"), v.line(row + 1));
        assertEquals(DEF.style(Element.ERROR).fg(), v.fgOf("CRIT"));
        int r2 = v.rowOf("restarted");
        assertTrue(v.line(r2).contains("WARN") && v.line(r2).contains("(alloy)") && v.line(r2).contains("for 2m"), v.line(r2));
        assertEquals(DEF.style(Element.WARN).fg(), v.fgOf("WARN"));
        // the same key closes it again
        assertTrue(VirtualScreen.render(States.type(States.type(s, "!"), "!")).rowOf("HEALTH") > 0);
    }

    @Test
    void pipelineOf600ComponentsIn30ModulesAt120x40IsReadableAndScrolls() {
        UiState s = States.type(observed(Samples.ok(Graphs.large(), Samples.T0), 120, 40), "P");
        VirtualScreen v = VirtualScreen.render(s);
        String text = v.text();
        assertTrue(text.contains("Pipeline: sources → writers"), text);
        // sources left, writers right on one row, with the rate of the edge into the writer
        int row = v.rowOf("scrape.self ");
        assertTrue(row > 0, text);
        String line = v.line(row);
        assertTrue(line.indexOf("scrape.self") < line.indexOf("_write.cloud"), line);
        assertTrue(text.contains("── module team_1.pipeline (20 components)"), text);
        assertTrue(text.contains("1.2k/s"), "edge labelled with the scrape's out rate:\n" + text);
        for (int r = 0; r < 40; r++) assertTrue(v.line(r).length() <= 120, "row " + r + " fits");
        assertTrue(v.line(38).contains("livedebugging { enabled = true }"), v.line(38));
        assertTrue(v.line(38).matches(".*\\b1-\\d+/\\d+.*"), "position shown: " + v.line(38));
        assertEquals(DEF.style(Element.HEALTH_UNHEALTHY).fg(), v.fgOf("local.file.api_key"), "unhealthy node coloured");
        assertEquals(DEF.style(Element.HEALTH_HEALTHY).fg(), v.fgOf("loki.process.fmt"), "healthy node coloured");

        // scrolling reaches the last module
        UiState end = s;
        for (int i = 0; i < 60; i++) end = States.keys(end, Key.ctrl('f'));
        VirtualScreen last = VirtualScreen.render(end);
        assertTrue(last.text().contains("team_9.pipeline") || last.text().contains("team_29.pipeline"), last.text());
        assertTrue(States.keys(end, Key.of(Key.Kind.ESC)).view == UiState.View.TABLE);
    }

    @Test
    void detailShowsFlowRatesLagAndAnOutRateSparkline() {
        UiState s = observed(Samples.ok(Graphs.typical(""), Samples.T0), 120, 40);
        s = States.type(s, "/remote_write");
        s = States.keys(s, Key.of(Key.Kind.ENTER), Key.of(Key.Kind.ENTER));
        VirtualScreen v = VirtualScreen.render(s);
        String t = v.text();
        assertTrue(t.contains("Flow (per second, last poll)"), t);
        assertTrue(v.line(v.rowOf("in      1.2k samples/s")).length() > 0, t);
        assertTrue(t.contains("out     0 samples/s"), t);
        assertTrue(t.contains("lag     95s behind"), t);
        assertTrue(t.contains("pending 4.1k samples") || t.contains("pending 4100 samples"), t);
        assertTrue(t.contains("█████▁▁  last 5 polls") || t.contains("▇▇█▁▁") || t.matches("(?s).*[▇█]{3}▁▁.*"), t);
        assertTrue(t.contains("CRIT    sent nothing for 10s"), t);
    }

    @Test
    void tableShowsRateColumnsAndSortsByThem() {
        UiState s = observed(Samples.ok(Graphs.typical(""), Samples.T0), 120, 40);
        VirtualScreen v = VirtualScreen.render(s);
        int head = v.rowOf("HEALTH");
        String h = v.line(head);
        assertTrue(h.contains(" IN ") && h.contains(" OUT ") && h.contains(" FAIL ") && h.indexOf("FAIL") < h.indexOf("MESSAGE"), h);
        int rw = v.rowOf("remote_write.cloud");
        assertTrue(v.line(rw).contains("1.2k/s") && v.line(rw).contains("0/s"), v.line(rw));
        assertEquals(DEF.style(Element.WARN).fg(), v.at(v.line(rw).indexOf("0/s"), rw).getForegroundColor(),
                "a writer sending nothing is highlighted");

        UiState sorted = States.keys(States.type(s, ":sort out"), Key.of(Key.Kind.ENTER));
        assertEquals(io.alloytop.ui.model.SortColumn.OUT, sorted.sort.column());
        assertEquals("prometheus.scrape.self", sorted.visibleRows().get(0).globalId(), "busiest first");
        assertEquals(RW, sorted.visibleRows().get(1).globalId(), "then 0/s; unmeasured last");

        VirtualScreen narrow = VirtualScreen.render(observed(Samples.ok(Graphs.typical(""), Samples.T0), 80, 24));
        assertTrue(!narrow.line(narrow.rowOf("HEALTH")).contains(" OUT "), "rates need 100 columns");
    }
}
