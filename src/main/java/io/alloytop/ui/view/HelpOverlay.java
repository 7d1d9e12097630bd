package io.alloytop.ui.view;

import io.alloytop.ui.model.Keymap;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** `?`: every key binding, generated from the keymap table, plus the filter and command syntax. */
final class HelpOverlay {
    private HelpOverlay() {}

    static List<Line> lines(Keymap keymap) {
        List<Line> out = new ArrayList<>();
        for (Keymap.Scope scope : Keymap.Scope.values()) {
            List<Keymap.Binding> bs = new ArrayList<>();
            for (Keymap.Binding b : keymap.bindings()) if (b.scope() == scope) bs.add(b);
            if (bs.isEmpty()) continue;
            if (!out.isEmpty()) out.add(Line.of("", Element.HELP));
            out.add(Line.of(title(scope), Element.DETAIL_SECTION));
            for (Keymap.Binding b : bs) {
                out.add(Line.builder().add("  " + Painter.pad(b.keysDisplay(), 16), Element.HELP_KEY).add(b.help(), Element.HELP).build());
            }
        }
        out.add(Line.of("", Element.HELP));
        out.add(Line.of("Filter (/)", Element.DETAIL_SECTION));
        out.add(Line.of("  words match ID, type, module or message; all must match", Element.HELP));
        out.add(Line.builder().add("  health:unhealthy  health:bad  module:x  module:root  type:x", Element.HELP_KEY).build());
        out.add(Line.of("", Element.HELP));
        out.add(Line.of("Commands (:, Tab completes, ↑/↓ history)", Element.DETAIL_SECTION));
        out.add(Line.builder().add("  :sort COL [desc]  ", Element.HELP_KEY).add("health id type module age message", Element.HELP).build());
        out.add(Line.builder().add("  :theme NAME       ", Element.HELP_KEY).add("switch theme", Element.HELP).build());
        out.add(Line.builder().add("  :interval 5s      ", Element.HELP_KEY).add("poll period (250ms to 1m)", Element.HELP).build());
        out.add(Line.builder().add("  :filter TEXT      ", Element.HELP_KEY).add("same as /", Element.HELP).build());
        out.add(Line.builder().add("  :q                ", Element.HELP_KEY).add("quit", Element.HELP).build());
        return out;
    }

    private static String title(Keymap.Scope s) {
        switch (s) {
            case GLOBAL: return "Everywhere";
            case TABLE: return "Components table";
            case DETAIL: return "Component detail";
            case LOGS: return "Logs pane";
            case VIEW: return "Pipeline and problems views";
            default: return "This help";
        }
    }

    static void render(UiState s, Painter p, Rect area) {
        List<Line> lines = lines(s.keymap);
        int w = Math.min(area.w() - 2, 76);
        int h = Math.min(area.h(), lines.size() + 2);
        int x = area.x() + (area.w() - w) / 2;
        int y = area.y() + (area.h() - h) / 2;
        Style box = p.style(Element.HELP);
        p.fill(new Rect(x, y, w, h), box);
        Style border = p.style(Element.BORDER).withBg(box.bg());
        String hl = String.valueOf(p.glyphs().hline()).repeat(Math.max(0, w));
        p.put(x, y, hl, border, w);
        p.put(x, y + h - 1, hl, border, w);
        String vl = p.glyphs().sep();
        for (int i = 1; i < h - 1; i++) {
            p.put(x, y + i, vl, border, 1);
            p.put(x + w - 1, y + i, vl, border, 1);
        }
        p.put(x + 2, y, " alloytop keys ", p.style(Element.HELP_KEY).withBg(box.bg()), w - 4);
        int inner = h - 2;
        int top = Math.min(s.helpScroll, Math.max(0, lines.size() - inner));
        for (int i = 0; i < inner && top + i < lines.size(); i++) {
            Line l = lines.get(top + i);
            int cx = x + 2;
            for (Line.Span sp : l.spans()) {
                cx += p.put(cx, y + 1 + i, sp.text(), p.style(sp.element()).withBg(box.bg()), x + w - 1 - cx);
            }
        }
        String foot = lines.size() > inner ? " ↑↓ scroll · Esc close " : " Esc close ";
        p.putRight(x + w - 1, y + h - 1, foot.toLowerCase(Locale.ROOT), border, w - 2);
    }
}
