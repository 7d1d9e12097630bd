package io.alloytop.ui.view;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Health;
import io.alloytop.ui.model.ComponentRow;
import io.alloytop.ui.model.Detail;
import io.alloytop.ui.model.HealthChange;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import io.alloytop.ui.theme.Theme;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** One component: health, references and data flow, arguments/exports/debug info, health history. */
final class DetailView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private DetailView() {}

    static void render(UiState s, Painter p, Rect r) {
        Style base = p.style(Element.BASE);
        p.fill(r, base);
        Detail d = s.detail;
        if (d == null) return;
        ComponentRow live = null;
        for (ComponentRow row : s.allRows) if (row.globalId().equals(d.globalId())) live = row;
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        p.put(r.x() + 1, r.y(), Sanitizer.line(d.globalId()), head, r.w() - 2);
        String hint = d.loading() ? "loading… " : "Esc back ";
        p.putRight(r.x() + r.w(), r.y(), hint, head, 12);

        List<Line> lines = lines(s, d, live);
        int h = r.h() - 1;
        int maxScroll = Math.max(0, lines.size() - h);
        int top = Math.min(d.scroll(), maxScroll);
        for (int i = 0; i < h && top + i < lines.size(); i++) {
            draw(p, r.x() + 1, r.y() + 1 + i, r.w() - 2, lines.get(top + i));
        }
        if (lines.size() > h) {
            String more = (top + 1) + "-" + Math.min(lines.size(), top + h) + "/" + lines.size();
            p.putRight(r.x() + r.w(), r.y() + r.h() - 1, " " + more + " ", p.style(Element.DIM), 20);
        }
    }

    static void draw(Painter p, int x, int y, int w, Line line) {
        int cx = x;
        for (Line.Span sp : line.spans()) {
            int left = x + w - cx;
            if (left <= 0) break;
            cx += p.put(cx, y, sp.text(), p.style(sp.element()), left);
        }
    }

    static List<Line> lines(UiState s, Detail d, ComponentRow live) {
        List<Line> out = new ArrayList<>();
        Component c = d.component() != null ? d.component() : live == null ? null : live.component();
        if (c != null) {
            Health h = live != null ? live.component().health() : c.health();
            out.add(Line.builder().add("type    ", Element.DETAIL_KEY).add(Sanitizer.line(c.name()), Element.DETAIL_VALUE).build());
            out.add(Line.builder().add("module  ", Element.DETAIL_KEY).add(c.moduleID().isEmpty() ? "(root)" : Sanitizer.line(c.moduleID()), Element.DETAIL_VALUE).build());
            out.add(Line.builder().add("health  ", Element.DETAIL_KEY).add(h.state().label(), Theme.healthElement(h.state()))
                    .add("  " + Sanitizer.line(h.message()), Element.DETAIL_VALUE).build());
            var updated = ComponentRow.parseTime(h.updatedTime());
            if (updated != null) {
                out.add(Line.builder().add("changed ", Element.DETAIL_KEY).add(TIME.format(updated) + " (" + Fmt.age(updated, s.now) + " ago)", Element.DETAIL_VALUE).build());
            }
            if (!c.createdModuleIDs().isEmpty()) {
                out.add(Line.builder().add("creates ", Element.DETAIL_KEY).add(Sanitizer.line(String.join(", ", c.createdModuleIDs())), Element.DETAIL_VALUE).build());
            }
            section(out, "References");
            list(out, "references  ", c.referencesTo());
            list(out, "referenced by ", c.referencedBy());
            list(out, "data flows to ", c.dataFlowEdgesTo());
        }
        FlowSection.add(out, s, d.globalId(), Glyphs.of(s.ascii).spark());
        if (d.failure() != null) {
            section(out, "Detail");
            out.add(Line.of("could not load the detail: " + Sanitizer.line(d.failure().message()) + "  (r retries)", Element.ERROR));
        } else if (d.loading()) {
            section(out, "Arguments");
            out.add(Line.of("loading…", Element.DIM));
        } else {
            tree(out, "Arguments", d.component().arguments());
            tree(out, "Exports", d.component().exports());
            tree(out, "Debug info", d.component().debugInfo());
        }
        section(out, "Health history (since alloytop started)");
        List<HealthChange> hist = s.history.getOrDefault(d.globalId(), List.of());
        if (hist.isEmpty()) out.add(Line.of("(none seen)", Element.DIM));
        for (int i = hist.size() - 1; i >= 0; i--) {
            HealthChange hc = hist.get(i);
            out.add(Line.builder().add(TIME.format(hc.seenAt()) + "  ", Element.DIM)
                    .add(Painter.pad(hc.state().label(), 10), Theme.healthElement(hc.state()))
                    .add(hc.message(), Element.DETAIL_VALUE).build());
        }
        return out;
    }

    private static void section(List<Line> out, String title) {
        out.add(Line.of("", Element.BASE));
        out.add(Line.of(title, Element.DETAIL_SECTION));
    }

    private static void list(List<Line> out, String label, List<String> ids) {
        out.add(Line.builder().add(label, Element.DETAIL_KEY)
                .add(ids.isEmpty() ? "–" : Sanitizer.line(String.join(", ", ids)), ids.isEmpty() ? Element.DIM : Element.DETAIL_VALUE).build());
    }

    private static void tree(List<Line> out, String title, com.fasterxml.jackson.databind.JsonNode body) {
        section(out, title);
        List<Line> t = AlloyJsonTree.body(body, "");
        if (t.isEmpty()) out.add(Line.of("(none)", Element.DIM));
        out.addAll(t);
    }
}
