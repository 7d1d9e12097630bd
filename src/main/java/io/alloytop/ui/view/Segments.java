package io.alloytop.ui.view;

import io.alloytop.ui.theme.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * A line built from styled pieces, each with a priority: when the line is too narrow the least
 * important pieces are dropped whole (never cut mid-word), which keeps 80 columns readable.
 */
public final class Segments {
    record Seg(String text, Style style, int priority) {}

    private final List<Seg> segs = new ArrayList<>();

    /** Lower priority numbers survive longer; 0 is never dropped (it is cut instead). */
    public Segments add(String text, Style style, int priority) {
        if (!text.isEmpty()) segs.add(new Seg(text, style, priority));
        return this;
    }

    public int width() {
        int w = 0;
        for (Seg s : segs) w += Painter.width(s.text());
        return w;
    }

    /** Draws from x, dropping pieces by priority until the rest fits in maxCols. */
    public int draw(Painter p, int x, int y, int maxCols) {
        List<Seg> keep = new ArrayList<>(segs);
        while (total(keep) > maxCols) {
            int worst = -1;
            for (int i = 0; i < keep.size(); i++) {
                if (keep.get(i).priority() > 0 && (worst < 0 || keep.get(i).priority() >= keep.get(worst).priority())) worst = i;
            }
            if (worst < 0) break;
            keep.remove(worst);
        }
        int cx = x;
        for (Seg s : keep) {
            int left = maxCols - (cx - x);
            if (left <= 0) break;
            cx += p.put(cx, y, s.text(), s.style(), left);
        }
        return cx - x;
    }

    private static int total(List<Seg> l) {
        int w = 0;
        for (Seg s : l) w += Painter.width(s.text());
        return w;
    }
}
