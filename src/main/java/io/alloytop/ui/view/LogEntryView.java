package io.alloytop.ui.view;

import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogLine;
import io.alloytop.text.DisplayWidth;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Enter on a log line: the whole entry, multi-line message and every field, sanitised and wrapped. */
final class LogEntryView {
    private LogEntryView() {}

    static void render(UiState s, Painter p, Rect r) {
        LogLine line = s.logsUi.open();
        if (line == null || r.isEmpty()) return;
        p.fill(r, p.style(Element.BASE));
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        p.put(r.x() + 1, r.y(), "Log entry #" + line.seq(), head, r.w() - 12);
        p.putRight(r.x() + r.w(), r.y(), "Esc back ", head, 10);
        List<Line> lines = lines(line.entry(), Math.max(10, r.w() - 2));
        int h = r.h() - 1;
        int top = Math.min(s.logsUi.openScroll(), Math.max(0, lines.size() - h));
        for (int i = 0; i < h && top + i < lines.size(); i++) {
            DetailView.draw(p, r.x() + 1, r.y() + 1 + i, r.w() - 2, lines.get(top + i));
        }
        if (lines.size() > h) {
            String more = (top + 1) + "-" + Math.min(lines.size(), top + h) + "/" + lines.size();
            p.putRight(r.x() + r.w(), r.y() + r.h() - 1, " " + more + " ", p.style(Element.DIM), 20);
        }
    }

    static List<Line> lines(LogEntry e, int width) {
        List<Line> out = new ArrayList<>();
        // one key column for the whole entry, as wide as its longest key (at most half the width)
        int kw = 10;
        for (String k : e.fields().keySet()) kw = Math.max(kw, DisplayWidth.of(Sanitizer.line(k)) + 2);
        kw = Math.min(kw, width / 2);
        if (e.time() != null) kv(out, "time", DateTimeFormatter.ISO_INSTANT.format(e.time()), kw, width);
        kv(out, "level", e.level().name().toLowerCase(Locale.ROOT), kw, width);
        if (e.kind() != LogEntry.Kind.LINE) kv(out, "kind", e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), kw, width);
        if (!e.component().isEmpty()) kv(out, "component", e.component(), kw, width);
        if (e.truncated()) kv(out, "truncated", "yes: the source cut this entry", kw, width);
        out.add(Line.of("", Element.BASE));
        out.add(Line.of("Message", Element.DETAIL_SECTION));
        String msg = Sanitizer.multiline(e.message());
        if (msg.isEmpty()) out.add(Line.of("(empty)", Element.DIM));
        for (String row : DisplayWidth.wrap(msg, width)) out.add(Line.of(row, Element.DETAIL_VALUE));
        if (!e.fields().isEmpty()) {
            out.add(Line.of("", Element.BASE));
            out.add(Line.of("Fields", Element.DETAIL_SECTION));
            for (Map.Entry<String, String> f : e.fields().entrySet()) kv(out, f.getKey(), f.getValue(), kw, width);
        }
        if (e.cursor() != null) {
            out.add(Line.of("", Element.BASE));
            kv(out, "cursor", e.cursor(), kw, width);
        }
        return out;
    }

    /** key = value, the value sanitised (newlines kept) and wrapped under itself. */
    private static void kv(List<Line> out, String key, String value, int kw, int width) {
        String k = Sanitizer.line(key);
        String label = DisplayWidth.pad(k, kw - 1) + " ";
        List<String> rows = DisplayWidth.wrap(Sanitizer.multiline(value), Math.max(8, width - kw));
        for (int i = 0; i < rows.size(); i++) {
            out.add(Line.builder().add(i == 0 ? label : " ".repeat(kw), Element.DETAIL_KEY).add(rows.get(i), Element.DETAIL_VALUE).build());
        }
    }
}
