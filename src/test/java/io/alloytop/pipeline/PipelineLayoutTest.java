package io.alloytop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import io.alloytop.problems.ComponentFlow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PipelineLayoutTest {
    private static String text(List<PipelineLine> lines) {
        return lines.stream().map(PipelineLine::text).collect(Collectors.joining("\n"));
    }

    private static ComponentFlow flow(String id, double in, double out) {
        return new ComponentFlow(id, "samples", in, out, 0, 0, Double.NaN, Double.NaN, new double[0]);
    }

    @Test
    void sourcesLeftWritersRightWithRates() {
        Map<String, ComponentFlow> flows = Map.of(
                "loki.source.journal.alloy", flow("loki.source.journal.alloy", Double.NaN, 50),
                "loki.process.fmt", flow("loki.process.fmt", 50, 48),
                "prometheus.scrape.self", flow("prometheus.scrape.self", Double.NaN, 1234));
        List<PipelineLine> lines = PipelineLayout.render(Graphs.typical(""), flows, Map.of(), Set.of(), 160);
        String t = text(lines);
        assertTrue(lines.get(0).text().startsWith("── root (12 components) ──"), t);
        String journal = lines.stream().map(PipelineLine::text).filter(l -> l.contains("loki.source.journal.alloy"))
                .findFirst().orElseThrow();
        assertTrue(journal.matches("\\s+loki\\.source\\.journal\\.alloy\\s+──50/s─*▶ loki\\.process\\.fmt\\s+──48/s─*▶ loki\\.write\\.cloud"),
                journal);
        assertTrue(journal.indexOf("loki.source.journal") < journal.indexOf("loki.write.cloud"));
        String scrape = lines.stream().map(PipelineLine::text).filter(l -> l.contains("prometheus.scrape.self"))
                .findFirst().orElseThrow();
        assertTrue(scrape.matches(".*──+1\\.2k/s─▶ ↑prometheus\\.remote_write\\.cloud"), "the scrape's edge carries its rate:\n" + t);
        assertTrue(t.contains("not in a data flow: local.file.api_key"), t);
    }

    @Test
    void fanInIsDrawnOnceAndReferredTo() {
        String t = text(PipelineLayout.render(Graphs.typical(""), Map.of(), Map.of(), Set.of(), 200));
        int all = t.split("prometheus\\.remote_write\\.cloud", -1).length - 1;
        int refs = t.split("↑prometheus\\.remote_write\\.cloud", -1).length - 1;
        assertEquals(2, all, t);
        assertEquals(1, refs, "remote_write drawn once, the other edge points at it with ↑:\n" + t);
    }

    @Test
    void narrowColumnsCutTheMiddleAndKeepTheLabel() {
        assertEquals("promet…ite.cloud", PipelineLayout.cut("prometheus.remote_write.cloud", 17));
        assertEquals("short", PipelineLayout.cut("short", 17));
    }

    @Test
    void liveDebuggingEdgeRatesWinAndZeroIsFlagged() {
        List<PipelineLine> lines = PipelineLayout.render(Graphs.typical(""), Map.of(),
                Map.of("loki.process.fmt->loki.write.cloud", 0.0), Set.of("loki.write.cloud"), 160);
        boolean zero = lines.stream().flatMap(l -> l.spans().stream())
                .anyMatch(s -> s.text().equals("0/s") && s.style() == Span.Style.RATE_ZERO);
        assertTrue(zero, text(lines));
        boolean warned = lines.stream().flatMap(l -> l.spans().stream())
                .anyMatch(s -> s.text().startsWith("loki.write.cloud") && s.style() == Span.Style.NODE_WARN);
        assertTrue(warned);
        boolean bad = lines.stream().flatMap(l -> l.spans().stream())
                .anyMatch(s -> s.text().equals("local.file.api_key") && s.style() == Span.Style.NODE_BAD);
        assertTrue(bad);
    }

    @Test
    void olderAlloyWithoutDataFlowEdgesUsesReferences() {
        Component scrape = new Component("prometheus.scrape", "prometheus.scrape.a", "", "a",
                List.of("prometheus.exporter.unix.n", "prometheus.remote_write.w"), List.of(), List.of(),
                new io.alloytop.alloy.Health(HealthState.HEALTHY, "", ""), null, null, null, List.of(), false);
        List<Component> comps = List.of(scrape,
                Graphs.c("", "prometheus.exporter.unix", "n", HealthState.HEALTHY),
                Graphs.c("", "prometheus.remote_write", "w", HealthState.HEALTHY));
        String t = text(PipelineLayout.render(comps, Map.of(), Map.of(), Set.of(), 120));
        assertTrue(t.matches("(?s).*prometheus\\.exporter\\.unix\\.n\\s+───*▶ prometheus\\.scrape\\.a\\s+───*▶ prometheus\\.remote_write\\.w.*"), t);
    }

    @Test
    void cycleDoesNotHang() {
        List<Component> comps = List.of(
                Graphs.c("", "loki.process", "a", HealthState.HEALTHY, "loki.process.b"),
                Graphs.c("", "loki.process", "b", HealthState.HEALTHY, "loki.process.a"));
        String t = text(PipelineLayout.render(comps, Map.of(), Map.of(), Set.of(), 80));
        assertTrue(t.contains("loki.process.a ─") && t.contains("▶ loki.process.b ─") && t.contains("▶ ↑loki.process.a"), t);
    }

    @Test
    void sixHundredComponentsAt120ColumnsStayWithinWidthAndShowEveryModule() {
        List<Component> big = Graphs.large();
        assertEquals(600, big.size());
        List<PipelineLine> lines = PipelineLayout.render(big, Map.of(), Map.of(), Set.of(), 120);
        for (PipelineLine l : lines) assertTrue(l.text().length() <= 120, l.text());
        long headers = lines.stream().filter(l -> l.text().startsWith("── ")).count();
        assertEquals(30, headers);
        String t = text(lines);
        for (int m = 1; m < 30; m++) assertTrue(t.contains("module team_" + m + ".pipeline"), "module " + m);
        assertTrue(t.contains("discovery.relabel.d7"), t);
        assertTrue(t.contains("…_write.cloud"), "cut names keep their label:\n" + t);
        System.out.println(String.join("\n", lines.stream().limit(40).map(PipelineLine::text).toList()));
    }

    @Test
    void aBranchThatSkipsColumnsTurnsDownAtItsSource() {
        HealthState ok = HealthState.HEALTHY;
        List<Component> g = List.of(
                Graphs.c("", "local.file", "token", ok, "loki.process.a", "loki.write.w"),
                Graphs.c("", "loki.process", "a", ok, "loki.process.b"),
                Graphs.c("", "loki.process", "b", ok, "loki.write.w"),
                Graphs.c("", "loki.write", "w", ok));
        List<String> lines = PipelineLayout.render(g, Map.of(), Map.of(), Set.of(), 120).stream()
                .map(PipelineLine::text).collect(Collectors.toList());
        String first = lines.get(1);
        String branch = lines.get(2);
        int turn = branch.indexOf('└');
        assertEquals(first.indexOf("──") , turn, "the branch leaves where the first row's edge does:\n" + String.join("\n", lines));
        assertTrue(branch.matches("\\s+└─+▶ ↑loki\\.write\\.w"), branch);
    }
}
