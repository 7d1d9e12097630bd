package io.alloytop.ui.view;

import com.googlecode.lanterna.SGR;
import io.alloytop.logs.Level;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogFilter;
import io.alloytop.logs.LogLine;
import io.alloytop.logs.LogView;
import io.alloytop.text.DisplayWidth;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.LogsUi;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Alloy's own logs from the logs feature's LogView: the tail while following, a fixed window when
 * paused. Row text is already sanitised by LogLine; the component is sanitised here.
 */
final class LogsPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int TIME_W = 9;
    private static final int LABEL_W = 8;

    private LogsPane() {}

    /** One screen line: a piece of a log row (wrap gives a row several). */
    private record Piece(int row, int from, int to, boolean first) {}

    static void render(UiState s, Painter p, Rect r, boolean focused) {
        if (r.isEmpty()) return;
        p.fill(r, p.style(Element.BASE));
        header(s, p, r, focused);
        LogView v = s.logs;
        int h = r.h() - 1;
        if (v == null || v.rowCount() == 0) {
            String why = v == null ? (s.logsNote != null ? "no logs: " + s.logsNote : "no log source")
                    : v.filter().equals(LogFilter.ALL) ? "no log lines yet" : "no log lines pass the filter (Esc clears it)";
            p.put(r.x() + 2, r.y() + 1, why, p.style(Element.DIM), r.w() - 4);
            return;
        }
        LogsUi ui = s.logsUi;
        int cursor = v.paused() ? Math.min(ui.cursor(), v.rowCount() - 1) : v.rowCount() - 1;
        List<Piece> pieces = pieces(s, v, r, h, cursor);
        for (int i = 0; i < pieces.size(); i++) drawPiece(s, p, r, r.y() + 1 + i, pieces.get(i), focused && pieces.get(i).row() == cursor);
    }

    private static void header(UiState s, Painter p, Rect r, boolean focused) {
        Style title = p.style(focused ? Element.TABLE_HEADER : Element.BORDER);
        if (focused) p.fillLine(r.y(), r.x(), r.w(), title);
        else p.put(r.x(), r.y(), String.valueOf(p.glyphs().hline()).repeat(r.w()), title, r.w());
        Style text = focused ? title : p.style(Element.DETAIL_SECTION);
        Style warn = p.style(Element.WARN).withBg(text.bg());
        String sep = " " + p.glyphs().sep() + " ";
        LogView v = s.logs;
        Segments seg = new Segments().add(" Logs", text, 0);
        if (v != null) {
            seg.add(sep + v.rowCount() + (v.rowCount() == 1 ? " line" : " lines"), text, 5);
            LogFilter f = v.filter();
            if (f.minLevel() != Level.UNKNOWN && f.minLevel() != Level.DEBUG) {
                seg.add(sep + f.minLevel().name().toLowerCase(Locale.ROOT) + "+", text, 2);
            }
            if (!f.component().isEmpty()) seg.add(sep + "only " + Sanitizer.line(f.component()), text, 2);
            if (!v.query().isEmpty()) seg.add(sep + "/" + Sanitizer.line(v.query()) + " " + v.matchCount() + " match", text, 3);
            if (v.dropped() > 0) seg.add(sep + "dropped " + v.dropped(), warn, 1);
            if (v.paused()) seg.add(sep + "PAUSED " + v.arrivedWhilePaused() + " new", warn, 1);
            if (s.logsUi.wrap()) seg.add(sep + "wrap", text, 4);
        }
        // the source's status ("no permission ... add yourself to systemd-journal") keeps at least half
        // the line, cut at the end if need be; the counters take what is left first
        String note = s.logsNote == null ? "" : sep + s.logsNote;
        int reserve = Math.min(Painter.width(note), Math.max(20, (r.w() - 1) / 2));
        int used = seg.draw(p, r.x(), r.y(), r.w() - 1 - reserve);
        if (!note.isEmpty()) p.put(r.x() + used, r.y(), note, text, r.w() - 1 - used);
    }

    /** The screen lines to draw: from the paused window's top, or the tail when following. */
    private static List<Piece> pieces(UiState s, LogView v, Rect r, int h, int cursor) {
        int textW = Math.max(8, r.w() - 1 - prefixWidth(s, r));
        List<Piece> out = new ArrayList<>();
        if (!v.paused()) {
            // walk up from the newest row until the pane is full, then keep the last h lines
            for (int row = v.rowCount() - 1; row >= 0 && out.size() < h; row--) {
                List<Piece> ps = split(s, v, row, textW);
                out.addAll(0, ps);
            }
            return out.size() > h ? new ArrayList<>(out.subList(out.size() - h, out.size())) : out;
        }
        int start = Math.max(0, Math.min(s.logsTop, v.rowCount() - 1));
        if (cursor < start) start = cursor;
        if (s.logsUi.wrap()) {
            // wrapped rows are taller: move the window down until the cursor's row fits
            while (start < cursor && lines(s, v, start, cursor, textW) > h) start++;
        }
        for (int row = start; row < v.rowCount() && out.size() < h; row++) {
            for (Piece pc : split(s, v, row, textW)) if (out.size() < h) out.add(pc);
        }
        return out;
    }

    private static int lines(UiState s, LogView v, int from, int to, int textW) {
        int n = 0;
        for (int row = from; row <= to; row++) n += split(s, v, row, textW).size();
        return n;
    }

    private static List<Piece> split(UiState s, LogView v, int row, int textW) {
        String text = v.row(row).text();
        if (!s.logsUi.wrap() || DisplayWidth.of(text) <= textW) return List.of(new Piece(row, 0, text.length(), true));
        List<Piece> ps = new ArrayList<>();
        int at = 0;
        for (String part : DisplayWidth.wrap(text, textW)) {
            ps.add(new Piece(row, at, at + part.length(), ps.isEmpty()));
            at += part.length();
        }
        return ps;
    }

    private static int prefixWidth(UiState s, Rect r) {
        return (s.logsUi.times() ? TIME_W : 0) + LABEL_W + componentWidth(r);
    }

    private static int componentWidth(Rect r) {
        return Math.max(0, Math.min(24, r.w() / 5));
    }

    private static void drawPiece(UiState s, Painter p, Rect r, int y, Piece pc, boolean selected) {
        LogView v = s.logs;
        LogLine line = v.row(pc.row());
        LogEntry e = line.entry();
        Style sel = p.style(Element.TABLE_SELECTED);
        if (selected) p.fillLine(y, r.x(), r.w(), sel);
        int x = r.x() + 1;
        int end = r.x() + r.w();
        int prefix = prefixWidth(s, r);
        if (pc.first()) {
            if (s.logsUi.times()) {
                String t = e.time() == null ? "" : TIME.format(e.time());
                p.put(x, y, t, pick(selected, sel, p.style(Element.DIM)), TIME_W - 1);
                x += TIME_W;
            }
            p.put(x, y, label(e), pick(selected, sel, labelStyle(p, e)), LABEL_W - 1);
            x += LABEL_W;
            int cw = componentWidth(r);
            if (cw > 0 && e.component() != null && !e.component().isEmpty()) {
                p.put(x, y, Sanitizer.line(e.component()), pick(selected, sel, p.style(Element.DETAIL_KEY)), cw - 1);
            }
            x += cw;
        } else {
            x += prefix;
        }
        int room = end - x;
        if (room <= 0) return;
        String text = line.text().substring(pc.from(), pc.to());
        Style ts = pick(selected, sel, textStyle(p, e));
        p.put(x, y, text, ts, room);
        int q = v.query().length();
        if (q == 0) return;
        Style hl = highlight(p);
        for (int at : v.highlights(pc.row())) {
            int a = Math.max(at, pc.from());
            int b = Math.min(at + q, pc.to());
            if (a >= b) continue;
            int col = Painter.width(text.substring(0, a - pc.from()));
            if (col >= room) break;
            p.put(x + col, y, text.substring(a - pc.from(), b - pc.from()), hl, room - col);
        }
    }

    /** Search matches: reversed warning colour, distinct from the cursor row and every level. */
    static Style highlight(Painter p) {
        return p.style(Element.WARN).withSgr(Set.of(SGR.REVERSE, SGR.BOLD));
    }

    private static Style pick(boolean selected, Style sel, Style normal) {
        return selected ? normal.withBg(sel.bg()) : normal;
    }

    static String label(LogEntry e) {
        switch (e.kind()) {
            case SYSTEMD_EVENT: return "systemd";
            case RESTART: return "RESTART";
            case NOTICE: return "notice";
            default: break;
        }
        switch (e.level()) {
            case ERROR: return "ERROR";
            case WARN: return "WARN";
            case DEBUG: return "debug";
            case INFO: return "info";
            default: return "";
        }
    }

    static Style labelStyle(Painter p, LogEntry e) {
        switch (e.kind()) {
            case SYSTEMD_EVENT: return p.style(Element.DETAIL_SECTION).withSgr(Set.of(SGR.BOLD));
            case RESTART: return restartStyle(p);
            case NOTICE: return p.style(Element.DIM);
            default: break;
        }
        switch (e.level()) {
            case ERROR: return p.style(Element.ERROR);
            case WARN: return p.style(Element.WARN);
            case DEBUG: return p.style(Element.DIM);
            default: return p.style(Element.LOGS);
        }
    }

    private static Style textStyle(Painter p, LogEntry e) {
        switch (e.kind()) {
            case SYSTEMD_EVENT: return p.style(Element.DETAIL_SECTION);
            case RESTART: return restartStyle(p);
            case NOTICE: return p.style(Element.DIM);
            default: return e.level() == Level.ERROR ? p.style(Element.ERROR) : e.level() == Level.DEBUG ? p.style(Element.DIM) : p.style(Element.LOGS);
        }
    }

    /** A restart is a boundary between two runs of Alloy: drawn as a reversed bar so it cannot be missed. */
    private static Style restartStyle(Painter p) {
        return p.style(Element.WARN).withSgr(Set.of(SGR.REVERSE));
    }
}
