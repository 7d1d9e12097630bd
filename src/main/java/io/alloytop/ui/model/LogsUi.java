package io.alloytop.ui.model;

import io.alloytop.logs.LogLine;

/**
 * The logs pane's own settings and selection, kept apart from the LogView (which holds the lines,
 * filter, search and pause): one field in UiState so the pane's features stay in one place.
 *
 * @param cursor      the selected row while paused (following selects the newest row)
 * @param wrap        long lines continue on the next rows instead of being cut
 * @param times       the time column is shown
 * @param open        the entry shown in the detail view, or null
 * @param openScroll  that view's scroll offset
 */
public record LogsUi(int cursor, boolean wrap, boolean times, LogLine open, int openScroll) {
    public static final LogsUi DEFAULT = new LogsUi(0, false, true, null, 0);

    public LogsUi withCursor(int c) {
        return new LogsUi(Math.max(0, c), wrap, times, open, openScroll);
    }

    public LogsUi withWrap(boolean w) {
        return new LogsUi(cursor, w, times, open, openScroll);
    }

    public LogsUi withTimes(boolean t) {
        return new LogsUi(cursor, wrap, t, open, openScroll);
    }

    public LogsUi opened(LogLine line) {
        return new LogsUi(cursor, wrap, times, line, 0);
    }

    public LogsUi scrolled(int s) {
        return new LogsUi(cursor, wrap, times, open, Math.max(0, s));
    }
}
