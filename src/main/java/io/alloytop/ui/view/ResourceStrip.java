package io.alloytop.ui.view;

import io.alloytop.poll.SeriesKeys;
import io.alloytop.poll.SeriesView;
import io.alloytop.poll.Stats;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;

/**
 * Line 1: Alloy CPU and RSS sparklines with current/min/max. Line 2: goroutines, heap, the host's
 * CPU and memory (local Alloy only; hidden when unknown) and, right-aligned, what alloytop costs.
 */
final class ResourceStrip {
    private ResourceStrip() {}

    static void render(UiState s, Painter p, Rect r, boolean sparklines) {
        if (r.isEmpty()) return;
        Style base = p.style(Element.BASE);
        p.fill(r, base);
        Style label = p.style(Element.DIM);
        Style value = p.style(Element.HEADER_VALUE).withBg(base.bg());
        Stats st = s.snapshot == null || s.snapshot.stats() == null ? Stats.UNKNOWN : s.snapshot.stats();
        SeriesView cpu = s.snapshot == null ? SeriesView.EMPTY : s.snapshot.series(SeriesKeys.ALLOY_CPU);
        SeriesView rss = s.snapshot == null ? SeriesView.EMPTY : s.snapshot.series(SeriesKeys.ALLOY_RSS);
        int half = r.w() / 2;
        cell(p, r.x(), r.y(), half - 1, "CPU ", Fmt.percent(st.alloyCpuPercent()),
                minMax(cpu, true), cpu, true, sparklines, label, value, p.style(Element.SPARK_CPU));
        p.put(r.x() + half - 1, r.y(), p.glyphs().sep(), p.style(Element.BORDER), 1);
        cell(p, r.x() + half, r.y(), r.w() - half, "RSS ", Fmt.bytes(st.alloyRssBytes()),
                minMax(rss, false), rss, false, sparklines, label, value, p.style(Element.SPARK_MEM));
        if (r.h() < 2) return;
        int y = r.y() + 1;
        Segments l = new Segments();
        l.add(" goroutines ", label, 0).add(Fmt.count(st.goroutines()), value, 0);
        l.add("  heap ", label, 0).add(Fmt.bytes(st.goHeapInuseBytes()), value, 0);
        if (!Double.isNaN(st.hostCpuPercent())) {
            l.add("  host cpu ", label, 1).add(Fmt.percent(st.hostCpuPercent()), p.style(Element.SPARK_HOST), 1);
        }
        if (!Double.isNaN(st.hostMemUsedBytes()) && !Double.isNaN(st.hostMemTotalBytes())) {
            l.add("  mem ", label, 2).add(Fmt.bytes(st.hostMemUsedBytes()) + " / " + Fmt.bytes(st.hostMemTotalBytes()),
                    p.style(Element.SPARK_HOST), 2);
        }
        String self = "alloytop " + Fmt.percent(st.selfCpuPercent()) + " " + Fmt.bytes(st.selfRssBytes()) + " ";
        int sw = Painter.width(self);
        int used = l.draw(p, r.x(), y, r.w() - sw - 1);
        if (used + sw + 1 <= r.w()) p.putRight(r.x() + r.w(), y, self, label, sw);
    }

    private static String minMax(SeriesView v, boolean pct) {
        if (v.size() == 0 || Double.isNaN(v.min())) return "";
        return pct ? Fmt.percent(v.min()) + "–" + Fmt.percent(v.max())
                : Fmt.bytes(v.min()) + "–" + Fmt.bytes(v.max());
    }

    private static void cell(Painter p, int x, int y, int w, String name, String now, String range, SeriesView series,
                             boolean floorZero, boolean spark, Style label, Style value, Style sparkStyle) {
        String rangeText = range.isEmpty() ? "" : " (" + range + ")";
        int fixed = 1 + name.length() + 1 + 8 + Painter.width(rangeText);
        int sparkW = spark ? Math.min(120, w - fixed - 1) : 0;
        int cx = x + p.put(x, y, " " + name, label, w);
        if (sparkW >= 8) {
            cx += p.put(cx, y, Sparkline.of(series, sparkW, p.glyphs().spark(), floorZero), sparkStyle, sparkW);
            cx += p.put(cx, y, " ", label, 1);
        }
        cx += p.put(cx, y, now, value, x + w - cx);
        p.put(cx, y, rangeText, label, x + w - cx);
    }
}
