package io.alloytop.ui.view;

import com.googlecode.lanterna.TerminalPosition;
import io.alloytop.ui.model.InputLine;
import io.alloytop.ui.model.Keymap;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;

/** Key hints from the keymap, the active filter and transient messages; or the input line while editing. */
final class Footer {
    private Footer() {}

    /** Returns where the text cursor belongs (inside the input line), or null to hide it. */
    static TerminalPosition render(UiState s, Painter p, Rect r) {
        Style base = p.style(Element.FOOTER);
        p.fill(r, base);
        InputLine in = s.input;
        if (in != null) {
            Style is = p.style(Element.INPUT);
            p.fill(r, is);
            String shown = Sanitizer.line(in.text());
            int room = r.w() - 2;
            int start = Math.max(0, in.cursor() - room + 1);
            p.put(r.x(), r.y(), in.prompt(), is, 1);
            p.put(r.x() + 1, r.y(), shown.substring(Math.min(start, shown.length())), is, room);
            if (s.message != null) {
                int used = 2 + Painter.width(shown);
                int left = r.w() - used - 2;
                if (left > 8) p.putRight(r.x() + r.w(), r.y(), s.message + " ", p.style(Element.MESSAGE).withBg(is.bg()), left);
            }
            int col = Painter.width(shown.substring(Math.min(start, shown.length()), Math.min(in.cursor(), shown.length())));
            return new TerminalPosition(r.x() + 1 + col, r.y());
        }
        Style key = p.style(Element.FOOTER_KEY);
        int x = r.x();
        int end = r.x() + r.w();
        String right = s.message != null ? s.message : s.filter.isEmpty() ? "" : "filter: " + Sanitizer.line(s.filter);
        int rightW = right.isEmpty() ? 0 : Math.min(Painter.width(right) + 2, r.w() / 2);
        for (Keymap.Binding b : s.keymap.footer(s.scope())) {
            String k = b.keys().get(0).display();
            String label = b.footerLabel();
            int need = Painter.width(k) + 2 + Painter.width(label) + 1;
            if (x + need > end - rightW) break;
            x += p.put(x, r.y(), " " + k + " ", key, need);
            x += p.put(x, r.y(), label + " ", base, end - x);
        }
        if (!right.isEmpty()) {
            Style rs = s.message != null ? p.style(Element.MESSAGE).withBg(base.bg()) : base;
            p.putRight(end, r.y(), right + " ", rs, rightW);
        }
        return null;
    }
}
