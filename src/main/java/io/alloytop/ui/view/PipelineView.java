package io.alloytop.ui.view;

import io.alloytop.alloy.Component;
import io.alloytop.pipeline.PipelineLayout;
import io.alloytop.pipeline.PipelineLine;
import io.alloytop.pipeline.Span;
import io.alloytop.problems.FlowReport;
import io.alloytop.problems.Problem;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The component graph (`P`): sources left, writers right, edges labelled with rates, components
 * with an open problem flagged. Layout is {@link PipelineLayout}'s; this only scrolls and colours.
 */
final class PipelineView {
    private PipelineView() {}

    /**
     * The layout of a 600-component graph costs milliseconds; frames are redrawn on every key and
     * tick, the graph only changes per poll. Only the UI thread renders, so one remembered layout is enough.
     */
    private static List<Component> memoComponents;
    private static FlowReport memoReport;
    private static int memoWidth = -1;
    private static List<PipelineLine> memoLines;

    static void render(UiState s, Painter p, Rect r) {
        p.fill(r, p.style(Element.BASE));
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        p.put(r.x() + 1, r.y(), "Pipeline: sources → writers, rates per second", head, r.w() - 12);
        p.putRight(r.x() + r.w(), r.y(), "Esc back ", head, 12);
        List<PipelineLine> lines = lines(s, r.w() - 2);
        int h = r.h() - 2;
        int top = Math.min(s.viewScroll, Math.max(0, lines.size() - h));
        for (int i = 0; i < h && top + i < lines.size(); i++) {
            int x = r.x() + 1;
            int end = r.x() + r.w() - 1;
            for (Span sp : lines.get(top + i).spans()) {
                if (x >= end) break;
                x += p.put(x, r.y() + 1 + i, sp.text(), p.style(element(sp.style())), end - x);
            }
        }
        String foot = lines.size() > h ? (top + 1) + "-" + Math.min(lines.size(), top + h) + "/" + lines.size() + "  " : "";
        p.put(r.x() + 1, r.y() + r.h() - 1, foot + "edge rates from per-component metrics; per-edge rates need"
                + " livedebugging { enabled = true } in Alloy's config", p.style(Element.DIM), r.w() - 2);
    }

    static synchronized List<PipelineLine> lines(UiState s, int width) {
        List<Component> comps = s.snapshot == null ? List.of() : s.snapshot.components();
        if (comps == memoComponents && s.flows == memoReport && width == memoWidth && memoLines != null) return memoLines;
        Set<String> flagged = new HashSet<>();
        for (Problem pr : s.flows.problems()) if (!pr.componentId().isEmpty()) flagged.add(pr.componentId());
        List<PipelineLine> lines = PipelineLayout.render(comps, s.flows.flows(), Map.of(), flagged, Math.max(20, width));
        memoComponents = comps;
        memoReport = s.flows;
        memoWidth = width;
        memoLines = lines;
        return lines;
    }

    static Element element(Span.Style st) {
        switch (st) {
            case HEADER: return Element.DETAIL_SECTION;
            case NODE_OK: return Element.HEALTH_HEALTHY;
            case NODE_BAD: return Element.HEALTH_UNHEALTHY;
            case NODE_WARN: return Element.WARN;
            case EDGE: return Element.BORDER;
            case RATE: return Element.DETAIL_VALUE;
            case RATE_ZERO: return Element.WARN;
            default: return Element.DIM;
        }
    }
}
