package io.alloytop.ui.view;

import io.alloytop.logs.Level;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogLine;
import io.alloytop.logs.LogView;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Alloy's own logs from the logs feature's LogView: the tail while following, a fixed window when paused. */
final class LogsPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private LogsPane() {}

    static void render(UiState s, Painter p, Rect r, boolean focused) {
        if (r.isEmpty()) return;
        Style base = p.style(Element.BASE);
        p.fill(r, base);
        Style title = p.style(focused ? Element.TABLE_HEADER : Element.BORDER);
        if (focused) p.fillLine(r.y(), r.x(), r.w(), title);
        else p.put(r.x(), r.y(), String.valueOf(p.glyphs().hline()).repeat(r.w()), title, r.w());
        LogView v = s.logs;
        StringBuilder head = new StringBuilder(" Logs ");
        if (v != null) {
            head.append(p.glyphs().sep()).append(' ').append(v.rowCount()).append(" lines ");
            if (v.dropped() > 0) head.append(p.glyphs().sep()).append(" dropped ").append(v.dropped()).append(' ');
            if (v.paused()) head.append(p.glyphs().sep()).append(" PAUSED +").append(v.arrivedWhilePaused()).append(" (Space follows) ");
        }
        if (s.logsNote != null) head.append(p.glyphs().sep()).append(' ').append(s.logsNote).append(' ');
        p.put(r.x() + 1, r.y(), head.toString(), focused ? title : p.style(Element.DETAIL_SECTION), r.w() - 2);
        int h = r.h() - 1;
        if (v == null || v.rowCount() == 0) {
            String why = v == null ? (s.logsNote != null ? "no logs: " + s.logsNote : "no log source") : "no log lines yet";
            p.put(r.x() + 2, r.y() + 1, why, p.style(Element.DIM), r.w() - 4);
            return;
        }
        int start = v.paused() ? Math.min(s.logsTop, Math.max(0, v.rowCount() - h)) : Math.max(0, v.rowCount() - h);
        for (int i = 0; i < h && start + i < v.rowCount(); i++) {
            LogLine line = v.row(start + i);
            LogEntry e = line.entry();
            int y = r.y() + 1 + i;
            int x = r.x() + 1;
            if (e.time() != null) x += p.put(x, y, TIME.format(e.time()) + " ", p.style(Element.DIM), r.w() - 2);
            x += p.put(x, y, levelText(e.level()), p.style(levelElement(e)), 6);
            if (e.component() != null && !e.component().isEmpty()) {
                x += p.put(x, y, Sanitizer.line(e.component()) + " ", p.style(Element.DETAIL_KEY), Math.min(40, r.x() + r.w() - x));
            }
            p.put(x, y, line.text(), p.style(e.kind() == LogEntry.Kind.LINE ? Element.LOGS : Element.WARN), r.x() + r.w() - x);
        }
    }

    private static String levelText(Level l) {
        switch (l) {
            case ERROR: return "ERROR ";
            case WARN: return "WARN  ";
            case DEBUG: return "debug ";
            case INFO: return "info  ";
            default: return "      ";
        }
    }

    private static Element levelElement(LogEntry e) {
        switch (e.level()) {
            case ERROR: return Element.ERROR;
            case WARN: return Element.WARN;
            case DEBUG: return Element.DIM;
            default: return Element.LOGS;
        }
    }
}
