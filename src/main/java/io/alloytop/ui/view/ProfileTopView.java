package io.alloytop.ui.view;

import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.ProfileType;
import io.alloytop.pprof.Units;
import io.alloytop.pprof.ValueType;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.ProfileState;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import java.util.List;
import java.util.Locale;

/** The profile view: picker, capture progress, then the saved file and the top table (like `pprof -top`). */
final class ProfileTopView {
    private static final String[] WHAT = {
        "where CPU time goes (records for the chosen seconds)",
        "live heap memory by allocation site",
        "all allocations since start",
        "every goroutine's stack, grouped",
        "lock contention (needs mutex profiling enabled)",
        "blocking on channels/syscalls (needs block profiling)",
        "Go execution trace, saved for `go tool trace`",
    };

    private ProfileTopView() {}

    static void render(UiState s, Painter p, Rect r) {
        p.fill(r, p.style(Element.BASE));
        ProfileState st = s.profile;
        if (st == null || r.h() < 3) return;
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        String title = switch (st.phase()) {
            case PICK -> "Profile: choose what to capture";
            case CAPTURING -> "Profile: capturing " + st.type().id();
            case DONE -> "Profile: " + st.type().id();
            case FAILED -> "Profile: " + st.type().id() + " failed";
        };
        p.put(r.x() + 1, r.y(), title, head, r.w() - 2);
        switch (st.phase()) {
            case PICK -> picker(st, p, r);
            case CAPTURING -> progress(st, p, r);
            case DONE -> done(st, p, r);
            case FAILED -> failed(st, p, r);
        }
    }

    private static void picker(ProfileState st, Painter p, Rect r) {
        Style base = p.style(Element.BASE);
        Style sel = p.style(Element.TABLE_SELECTED);
        Style dim = p.style(Element.DIM);
        int y = r.y() + 2;
        for (int i = 0; i < ProfileState.TYPES.size() && y < r.y() + r.h(); i++, y++) {
            ProfileType t = ProfileState.TYPES.get(i);
            boolean on = i == st.pick();
            Style row = on ? sel : base;
            if (on) p.fillLine(y, r.x(), r.w(), sel);
            String name = String.format(Locale.ROOT, " %s %-10s", on ? ">" : " ", t.id());
            String secs = t.timed() ? String.format(Locale.ROOT, "%4d s", st.secondsFor(t)) : "      ";
            int x = r.x() + 1;
            x += p.put(x, y, name, row, r.w() - 2);
            x += p.put(x, y, secs + "  ", row, r.x() + r.w() - x);
            p.put(x, y, WHAT[i], on ? sel : dim, r.x() + r.w() - x - 1);
        }
        y++;
        if (y < r.y() + r.h()) {
            p.put(r.x() + 2, y, "Enter captures · +/- change the cpu seconds · Esc closes", dim, r.w() - 4);
        }
    }

    private static void progress(ProfileState st, Painter p, Rect r) {
        Style base = p.style(Element.BASE);
        Style dim = p.style(Element.DIM);
        int y = r.y() + 2;
        if (!st.type().timed() || st.total().isZero()) {
            p.put(r.x() + 2, y, "asking Alloy for the " + st.type().id() + " profile…", base, r.w() - 4);
        } else {
            long total = st.total().toMillis();
            double f = total == 0 ? 0 : Math.min(1.0, (double) st.elapsed().toMillis() / total);
            long left = Math.max(0, st.total().minus(st.elapsed()).toSeconds());
            String label = String.format(Locale.ROOT, " %3.0f%%  %d s left", f * 100, left);
            int barW = Math.max(10, Math.min(60, r.w() - 4 - label.length() - 2));
            int full = (int) Math.round(f * barW);
            String on = p.glyphs().ascii() ? "#" : "█";
            String off = p.glyphs().ascii() ? "." : "░";
            p.put(r.x() + 2, y, "[", dim, 1);
            p.put(r.x() + 3, y, on.repeat(full), p.style(Element.OK), barW);
            p.put(r.x() + 3 + full, y, off.repeat(barW - full), dim, barW - full);
            p.put(r.x() + 3 + barW, y, "]" + label, base, r.w() - barW - 5);
            y += 2;
            p.put(r.x() + 2, y, "Alloy records for " + st.total().toSeconds() + " s before it answers.", dim, r.w() - 4);
        }
        y++;
        p.put(r.x() + 2, y, "c or Esc cancels (the request is closed, so Alloy's profiler is free again)", dim, r.w() - 4);
    }

    private static void failed(ProfileState st, Painter p, Rect r) {
        Style err = p.style(Element.ERROR);
        int y = r.y() + 2;
        for (String line : wrap(Sanitizer.line(st.error() == null ? "unknown error" : st.error()), r.w() - 4)) {
            if (y >= r.y() + r.h()) break;
            p.put(r.x() + 2, y++, line, err, r.w() - 4);
        }
        p.put(r.x() + 2, Math.min(y + 1, r.y() + r.h() - 1), "Enter or Esc: back to the picker", p.style(Element.DIM), r.w() - 4);
    }

    private static void done(ProfileState st, Painter p, Rect r) {
        Style base = p.style(Element.BASE);
        Style dim = p.style(Element.DIM);
        Style ok = p.style(Element.OK);
        int y = r.y() + 1;
        String saved = "saved " + Sanitizer.line(st.path()) + " (" + Units.format(st.size(), "bytes") + ")";
        p.put(r.x() + 1, y++, saved, ok, r.w() - 2);
        ProfileSummary t = st.table();
        if (t == null) {
            if (st.error() != null) p.put(r.x() + 1, y, Sanitizer.line(st.error()), dim, r.w() - 2);
            return;
        }
        ValueType vt = t.selectedType();
        String unit = vt.unit();
        StringBuilder facts = new StringBuilder();
        facts.append("type ").append(Sanitizer.line(vt.type()));
        if (t.sampleTypes().size() > 1) {
            facts.append(" (").append(t.sampleIndex() + 1).append('/').append(t.sampleTypes().size()).append(", i: ");
            List<ValueType> all = t.sampleTypes();
            facts.append(Sanitizer.line(all.get((t.sampleIndex() + 1) % all.size()).type())).append(" next)");
        }
        facts.append(" · total ").append(Units.format(t.total(), unit));
        if (t.durationNanos() != 0) facts.append(" in ").append(Units.format(t.durationNanos(), "nanoseconds"));
        facts.append(" · ").append(t.sampleCount()).append(t.sampleCount() == 1 ? " sample" : " samples");
        p.put(r.x() + 1, y++, facts.toString(), base, r.w() - 2);
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(y, r.x(), r.w(), head);
        boolean flat = t.sortedBy() == ProfileSummary.SortKey.FLAT;
        String h = String.format(Locale.ROOT, "%10s %7s %10s %7s  %s", (flat ? p.glyphs().down() : "") + "flat", "flat%",
                (flat ? "" : p.glyphs().down()) + "cum", "cum%", "function (" + t.rows().size() + ")");
        p.put(r.x() + 1, y++, h, head, r.w() - 2);
        if (t.rows().isEmpty()) {
            p.put(r.x() + 1, y, "no samples for " + Sanitizer.line(vt.type()) + ": nothing was recorded", dim, r.w() - 2);
            return;
        }
        int rows = r.y() + r.h() - y - 1;
        int top = Math.min(st.scroll(), Math.max(0, t.rows().size() - rows));
        for (int i = 0; i < rows && top + i < t.rows().size(); i++) {
            ProfileSummary.Row row = t.rows().get(top + i);
            String line = String.format(Locale.ROOT, "%10s %7s %10s %7s  %s", Units.format(row.flat(), unit),
                    Units.percent(row.flatPercent()), Units.format(row.cum(), unit), Units.percent(row.cumPercent()),
                    Sanitizer.line(row.name()) + (row.inline().isEmpty() ? "" : " (" + row.inline() + ")"));
            p.put(r.x() + 1, y + i, line, base, r.w() - 2);
        }
        String more = (top + 1) + "-" + Math.min(t.rows().size(), top + rows) + "/" + t.rows().size()
                + " · s flat/cum · i sample type · Esc picker";
        p.put(r.x() + 1, r.y() + r.h() - 1, more, dim, r.w() - 2);
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new java.util.ArrayList<>();
        int w = Math.max(10, width);
        String rest = text;
        while (Painter.width(rest) > w) {
            int cut = rest.lastIndexOf(' ', w);
            if (cut <= 0) cut = w;
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
