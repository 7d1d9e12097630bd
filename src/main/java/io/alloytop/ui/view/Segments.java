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

    /**
     * Lower priority numbers survive longer; 0 is never dropped (it is cut instead). Pieces with
     * the same priority form a group (a label and its value) and are dropped together.
     */
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
            int worst = 0;
            for (Seg s : keep) worst = Math.max(worst, s.priority());
            if (worst == 0) break;
            int w = worst;
            keep.removeIf(s -> s.priority() == w);
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
