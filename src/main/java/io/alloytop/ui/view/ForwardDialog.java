package io.alloytop.ui.view;

import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardStep;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.ForwardUiState;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The forwarding dialog: plan and confirm, the masked key prompt, the live checklist, the result.
 * The key is drawn only as one asterisk per character; its text never reaches a cell.
 */
final class ForwardDialog {
    private ForwardDialog() {}

    static void render(UiState s, Painter p, Rect r) {
        p.fill(r, p.style(Element.BASE));
        ForwardUiState f = s.forward;
        if (f == null || r.h() < 3) return;
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        String verb = f.action() == ForwardPlan.Action.OFF ? "switch OFF" : f.action() == ForwardPlan.Action.ON ? "switch ON" : "";
        p.put(r.x() + 1, r.y(), "Forwarding Alloy's own telemetry to Grafana Cloud" + (verb.isEmpty() ? "" : ": " + verb), head, r.w() - 2);
        List<Line> lines = wrap(lines(f), r.w() - 2);
        int y = r.y() + 1;
        int bottom = r.y() + r.h() - 1;
        int room = bottom - y;
        int top = Math.min(f.scroll(), Math.max(0, lines.size() - room));
        for (int i = 0; i < room && top + i < lines.size(); i++) draw(p, r.x() + 1, y + i, r.w() - 2, lines.get(top + i));
        prompt(f, p, r.x(), bottom, r.w());
    }

    static List<Line> lines(ForwardUiState f) {
        List<Line> out = new ArrayList<>();
        switch (f.phase()) {
            case CHECKING -> out.add(Line.of("reading Alloy's config and planning the change…", Element.DIM));
            case UNAVAILABLE -> {
                if (f.result() != null) for (String l : f.result().split("\n")) out.add(Line.of(Sanitizer.line(l), Element.ERROR));
            }
            case ASK_KEY -> {
                out.add(Line.of("GCLOUD_RW_API_KEY is not set in alloytop's environment.", Element.WARN));
                out.add(Line.of("Type the Grafana Cloud API key (it is not shown, not logged, and written only to a", Element.BASE));
                out.add(Line.of("0600 secret file or read via sys.env in Alloy's config).", Element.BASE));
                if (f.configPath() != null) out.add(Line.of("config: " + Sanitizer.line(f.configPath()), Element.DIM));
            }
            default -> {
                // the facts and the pre-flight first, the (long) diff last, so y/n is decided on what matters
                int diffAt = f.lines().indexOf("diff:");
                List<String> head = diffAt < 0 ? f.lines() : f.lines().subList(0, diffAt);
                for (String l : head) out.add(planLine(l));
                if (!f.preflight().isEmpty()) {
                    out.add(Line.of("pre-flight:", Element.DETAIL_SECTION));
                    for (String l : f.preflight()) {
                        out.add(Line.of("  " + Sanitizer.line(l), l.contains(": ok") ? Element.OK : Element.ERROR));
                    }
                }
                if (diffAt >= 0) for (String l : f.lines().subList(diffAt, f.lines().size())) out.add(planLine(l));
                if (!f.steps().isEmpty()) {
                    out.add(Line.of("", Element.BASE));
                    out.add(Line.of("steps:", Element.DETAIL_SECTION));
                    for (ForwardStep st : f.steps()) out.add(stepLine(st));
                }
                if (f.phase() == ForwardUiState.Phase.DONE && f.result() != null) {
                    out.add(Line.of("", Element.BASE));
                    out.add(Line.of((f.ok() ? "done: " : "FAILED: ") + Sanitizer.line(f.result()), f.ok() ? Element.OK : Element.ERROR));
                }
            }
        }
        return out;
    }

    /** Long messages (a reload's 400 body, a health message) wrap instead of being cut. */
    static List<Line> wrap(List<Line> in, int width) {
        List<Line> out = new ArrayList<>();
        for (Line l : in) {
            String t = l.text();
            if (Painter.width(t) <= width || l.spans().isEmpty()) {
                out.add(l);
                continue;
            }
            Element e = l.spans().get(0).element();
            List<String> parts = ProfileTopView.wrap(t, width - 4);
            out.add(Line.of(parts.get(0), e));
            for (String part : parts.subList(1, parts.size())) out.add(Line.of("    " + part, e));
        }
        return out;
    }

    private static Line planLine(String l) {
        String t = Sanitizer.line(l);
        Element e = Element.BASE;
        if (t.startsWith("+") && !t.startsWith("+++")) e = Element.OK;
        else if (t.startsWith("-") && !t.startsWith("---")) e = Element.ERROR;
        else if (t.startsWith("@@") || t.startsWith("#")) e = Element.DIM;
        else if (t.endsWith(":") && !t.startsWith(" ")) e = Element.DETAIL_SECTION;
        return Line.of(t, e);
    }

    private static Line stepLine(ForwardStep st) {
        String mark;
        Element e;
        switch (st.state()) {
            case OK -> { mark = "[ok  ]"; e = Element.OK; }
            case WARN -> { mark = "[warn]"; e = Element.WARN; }
            case FAILED -> { mark = "[FAIL]"; e = Element.ERROR; }
            case SKIPPED -> { mark = "[skip]"; e = Element.DIM; }
            default -> { mark = "[ .. ]"; e = Element.BASE; }
        }
        String text = " " + st.step().name().toLowerCase(Locale.ROOT) + (st.message().isEmpty() ? "" : ": " + Sanitizer.line(st.message()));
        return Line.builder().add("  " + mark, e).add(text, Element.BASE).build();
    }

    private static void prompt(ForwardUiState f, Painter p, int x, int y, int w) {
        Style in = p.style(Element.INPUT);
        Style dim = p.style(Element.DIM);
        switch (f.phase()) {
            case ASK_KEY -> {
                p.fillLine(y, x, w, in);
                String stars = "*".repeat(Math.min(f.key().length(), Math.max(0, w - 30)));
                p.put(x + 1, y, "API key: " + stars, in, w - 2);
                p.putRight(x + w, y, " Enter ok · Esc cancel ", in, 24);
            }
            case CONFIRM -> {
                p.fillLine(y, x, w, in);
                String q = f.nothingToDo() ? "Nothing to change. y/n closes"
                        : (f.action() == ForwardPlan.Action.OFF ? "Remove" : "Apply") + " this change, reload Alloy and verify? y/n"
                        + (f.preflightOk() ? "" : "  (pre-flight found problems)");
                p.put(x + 1, y, q, in, w - 2);
            }
            case RUNNING -> p.put(x + 1, y, "working… (on failure every file is put back and Alloy reloaded)", dim, w - 2);
            default -> p.put(x + 1, y, "Esc closes · ↑/↓ scroll", dim, w - 2);
        }
    }

    private static void draw(Painter p, int x, int y, int w, Line line) {
        int used = 0;
        for (Line.Span sp : line.spans()) {
            if (used >= w) break;
            used += p.put(x + used, y, sp.text(), p.style(sp.element()), w - used);
        }
    }
}
