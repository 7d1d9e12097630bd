package io.alloytop.ui.view;

import io.alloytop.problems.FlowReport;
import io.alloytop.problems.Problem;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The problems the detector found (`!`): severity, component, plain-language reason and how long
 * it has been going on; plus the count in the header so it is seen from every view.
 */
final class ProblemsPanel {
    private ProblemsPanel() {}

    /** "  ⚠ 3 problems (!)" on the header's second line; nothing when there are none. */
    static void headerCount(UiState s, Painter p, Segments line, Style base, Style label) {
        List<Problem> ps = s.flows.problems();
        if (ps.isEmpty()) return;
        boolean critical = ps.stream().anyMatch(x -> x.severity() == Problem.Severity.CRITICAL);
        Style st = p.style(critical ? Element.ERROR : Element.WARN).over(base);
        line.add("  " + p.glyphs().warn() + " " + ps.size() + " problem" + (ps.size() == 1 ? "" : "s"), st, 1);
        line.add(" (!)", label, 1);
    }

    static void render(UiState s, Painter p, Rect r) {
        p.fill(r, p.style(Element.BASE));
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        FlowReport rep = s.flows;
        p.put(r.x() + 1, r.y(), "Problems: " + rep.problems().size() + (rep.stale() ? " (stale: Alloy did not answer)" : ""),
                head, r.w() - 12);
        p.putRight(r.x() + r.w(), r.y(), "Esc back ", head, 12);
        List<Line> lines = lines(s);
        int h = r.h() - 1;
        int top = Math.min(s.viewScroll, Math.max(0, lines.size() - h));
        for (int i = 0; i < h && top + i < lines.size(); i++) {
            DetailView.draw(p, r.x() + 1, r.y() + 1 + i, r.w() - 2, lines.get(top + i));
        }
    }

    static List<Line> lines(UiState s) {
        List<Line> out = new ArrayList<>();
        List<Problem> ps = s.flows.problems();
        if (ps.isEmpty()) {
            out.add(Line.of(s.snapshot == null ? "no data yet" : "nothing wrong seen: every measured component moves data"
                    + " without drops, failures or retries", Element.OK));
            out.add(Line.of("stalls need a few polls of history; rules and thresholds: see README \"Silent data loss\"",
                    Element.DIM));
            return out;
        }
        for (Problem pr : ps) {
            boolean crit = pr.severity() == Problem.Severity.CRITICAL;
            String who = pr.componentId().isEmpty() ? "(alloy)" : Sanitizer.line(pr.componentId());
            String since = pr.since() == null ? "" : "  for " + Fmt.age(pr.since(), s.now);
            out.add(Line.builder()
                    .add(Painter.pad(crit ? "CRIT" : "WARN", 5), crit ? Element.ERROR : Element.WARN)
                    .add(Painter.pad(pr.kind().name().toLowerCase(Locale.ROOT), 14), Element.DETAIL_KEY)
                    .add(who, Element.DETAIL_VALUE)
                    .add(since, Element.DIM).build());
            out.add(Line.of("     " + Sanitizer.line(pr.reason()), Element.BASE));
        }
        return out;
    }
}
