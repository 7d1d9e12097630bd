package io.alloytop.ui.model;

/**
 * Where each region goes for a terminal size. Pure, shared by update (page sizes) and render.
 * Degrades in steps: logs pane first, then the resource strip, then the second header line;
 * below {@link #MIN_COLS}x{@link #MIN_ROWS} only a message saying what size is needed.
 */
public record Layout(int cols, int rows, Rect header, Rect strip, Rect table, Rect logs, Rect footer,
                     boolean sparklines, boolean tooSmall) {
    public static final int MIN_COLS = 40;
    public static final int MIN_ROWS = 10;

    public record Rect(int x, int y, int w, int h) {
        public static final Rect EMPTY = new Rect(0, 0, 0, 0);

        public boolean isEmpty() {
            return w <= 0 || h <= 0;
        }
    }

    public static Layout of(int cols, int rows) {
        return of(cols, rows, true);
    }

    /** {@code logsPane}: give the logs a region of their own when there is room (false: no log source). */
    public static Layout of(int cols, int rows, boolean logsPane) {
        if (cols < MIN_COLS || rows < MIN_ROWS) {
            Rect e = Rect.EMPTY;
            return new Layout(cols, rows, e, e, e, e, e, false, true);
        }
        int headerH = rows >= 16 ? 2 : 1;
        int stripH = rows >= 16 ? 2 : 0;
        int footerH = 1;
        int rest = rows - headerH - stripH - footerH;
        int logsH = logsPane && rows >= 36 ? Math.max(6, rest / 4) : 0;
        int tableH = rest - logsH;
        int y = 0;
        Rect header = new Rect(0, y, cols, headerH);
        y += headerH;
        Rect strip = new Rect(0, y, cols, stripH);
        y += stripH;
        Rect table = new Rect(0, y, cols, tableH);
        y += tableH;
        Rect logs = new Rect(0, y, cols, logsH);
        y += logsH;
        Rect footer = new Rect(0, y, cols, footerH);
        return new Layout(cols, rows, header, strip, table, logs, footer, cols >= 80, false);
    }

    /** Data rows the components table can show (its first line is the column header). */
    public int tableRows() {
        return Math.max(1, table.h() - 1);
    }

    /** The region a full view (detail, help) may use: everything between header/strip and footer. */
    public Rect body() {
        return new Rect(0, table.y(), cols, table.h() + logs.h());
    }
}
