package io.alloytop.ui.view;

import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.util.List;

/**
 * The logs region. A placeholder until the logs feature's LogBuffer is wired in: it shows the
 * lines delivered as {@code Event.LogLines}, newest at the bottom, or says where logs will come from.
 */
final class LogsPane {
    private LogsPane() {}

    static void render(UiState s, Painter p, Rect r, boolean focused) {
        if (r.isEmpty()) return;
        Style base = p.style(Element.BASE);
        p.fill(r, base);
        Style border = p.style(focused ? Element.TABLE_HEADER : Element.BORDER);
        String hl = String.valueOf(p.glyphs().hline()).repeat(r.w());
        if (focused) p.fillLine(r.y(), r.x(), r.w(), border);
        else p.put(r.x(), r.y(), hl, border, r.w());
        p.put(r.x() + 1, r.y(), " Logs ", focused ? border : p.style(Element.DETAIL_SECTION), 8);
        List<String> lines = s.logLines;
        int h = r.h() - 1;
        if (lines.isEmpty()) {
            p.put(r.x() + 2, r.y() + 1, "no log source yet (journald, gatewayd or a file; see `alloytop logs --help`)",
                    p.style(Element.DIM), r.w() - 4);
            return;
        }
        int start = Math.max(0, lines.size() - h);
        for (int i = 0; start + i < lines.size() && i < h; i++) {
            p.put(r.x() + 1, r.y() + 1 + i, lines.get(start + i), p.style(Element.LOGS), r.w() - 2);
        }
    }
}
