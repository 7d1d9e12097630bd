package io.alloytop.ui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import io.alloytop.ui.theme.Style;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Screen cells, made once per style and character instead of once per frame. Lanterna asks a
 * cell's width again and again in a frame (filling, buffering, diffing front and back), and each
 * answer walks {@code Character.UnicodeBlock.of}: profiling the monitor at the default interval put
 * half of the UI thread's CPU there. A {@link Cell} works its width out once.
 */
final class Cells {
    /** Printable ASCII per style; other characters are kept up to a bound, as text can hold any. */
    private static final Map<Style, Cell[]> ASCII = new ConcurrentHashMap<>();
    private static final Map<Style, Map<Character, Cell>> OTHER = new ConcurrentHashMap<>();
    private static final int MAX_OTHER = 512;
    private static final int MAX_STYLES = 256;

    private Cells() {}

    static Cell of(Style s, char c) {
        if (c >= 0x20 && c < 0x7f) {
            Cell[] row = ASCII.get(s);
            if (row == null) {
                if (ASCII.size() >= MAX_STYLES) return new Cell(s, c);
                row = ASCII.computeIfAbsent(s, k -> new Cell[0x7f - 0x20]);
            }
            Cell cell = row[c - 0x20];
            if (cell == null) row[c - 0x20] = cell = new Cell(s, c);
            return cell;
        }
        Map<Character, Cell> m = OTHER.get(s);
        if (m == null) {
            if (OTHER.size() >= MAX_STYLES) return new Cell(s, c);
            m = OTHER.computeIfAbsent(s, k -> new ConcurrentHashMap<>());
        }
        Cell cell = m.get(c);
        if (cell == null) {
            cell = new Cell(s, c);
            if (m.size() < MAX_OTHER) m.put(c, cell);
        }
        return cell;
    }

    /** Whether {@link Painter} may place {@code text} cell by cell: what putString would do to it otherwise. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') return false;
        }
        return true;
    }

    static TextColor color(TextColor c) {
        return c == null ? TextColor.ANSI.DEFAULT : c;
    }

    static EnumSet<SGR> sgr(Style s) {
        return s.sgr().isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(s.sgr());
    }

    /** A TextCharacter whose two widths are fixed at birth; equal to another Cell as Lanterna's are. */
    static final class Cell extends TextCharacter {
        private static final long serialVersionUID = 1L;
        private final boolean doubleWidth;
        /** How far putString moves on after this character (it asks the character alone, not the cell). */
        final int advance;

        Cell(Style s, char c) {
            super(c, color(s.fg()), color(s.bg()), sgr(s));
            this.doubleWidth = super.isDoubleWidth();
            this.advance = TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
        }

        @Override
        public boolean isDoubleWidth() {
            return doubleWidth;
        }
    }
}
