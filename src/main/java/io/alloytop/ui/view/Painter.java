package io.alloytop.ui.view;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import io.alloytop.ui.theme.Theme;

/** Draws themed, width-aware text onto a Lanterna TextGraphics; never writes past its clip. */
public final class Painter {
    private final TextGraphics g;
    private final Theme theme;
    private final Glyphs glyphs;

    public Painter(TextGraphics g, Theme theme, Glyphs glyphs) {
        this.g = g;
        this.theme = theme;
        this.glyphs = glyphs;
    }

    public Theme theme() {
        return theme;
    }

    public Glyphs glyphs() {
        return glyphs;
    }

    public int width() {
        return g.getSize().getColumns();
    }

    public int height() {
        return g.getSize().getRows();
    }

    public Style style(Element e) {
        return theme.style(e);
    }

    public void fill(Rect r, Style s) {
        if (r.isEmpty()) return;
        g.fillRectangle(new TerminalPosition(r.x(), r.y()), new TerminalSize(r.w(), r.h()), Cells.of(s, ' '));
    }

    public void fillLine(int y, int x, int w, Style s) {
        fill(new Rect(x, y, w, 1), s);
    }

    /** Puts text cut to {@code maxCols} columns (with an ellipsis when cut); returns the columns used. */
    public int put(int x, int y, String text, Style s, int maxCols) {
        if (maxCols <= 0 || text.isEmpty() || y < 0 || y >= height()) return 0;
        String t = glyphs.ascii() ? Glyphs.asciiOnly(text) : text;
        t = fit(t, maxCols, glyphs.ellipsis());
        if (Cells.plain(t)) {
            for (int i = 0, col = x; i < t.length(); i++) {
                Cells.Cell cell = Cells.of(s, t.charAt(i));
                g.setCharacter(col, y, cell);
                col += cell.advance;
            }
        } else {
            apply(s);
            g.putString(x, y, t);
        }
        return width(t);
    }

    public int put(int x, int y, String text, Style s) {
        return put(x, y, text, s, width() - x);
    }

    /** Text right-aligned so that it ends at column {@code endX} (exclusive). */
    public int putRight(int endX, int y, String text, Style s, int maxCols) {
        String t = fit(glyphs.ascii() ? Glyphs.asciiOnly(text) : text, maxCols, glyphs.ellipsis());
        int w = width(t);
        return put(endX - w, y, t, s, w);
    }

    /** Columns the text takes, as Lanterna will place it; a fast path for text without wide characters. */
    public static int width(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x1100) return TerminalTextUtils.getColumnWidth(s);
        }
        return s.length();
    }

    public static String fit(String text, int cols, String ellipsis) {
        if (cols <= 0) return "";
        if (width(text) <= cols) return text;
        int ew = width(ellipsis);
        if (cols <= ew) return TerminalTextUtils.fitString(text, cols);
        return TerminalTextUtils.fitString(text, cols - ew) + ellipsis;
    }

    public static String pad(String text, int cols) {
        int w = width(text);
        return w >= cols ? text : text + " ".repeat(cols - w);
    }

    private void apply(Style s) {
        g.setForegroundColor(Cells.color(s.fg()));
        g.setBackgroundColor(Cells.color(s.bg()));
        g.setModifiers(Cells.sgr(s));
    }
}
