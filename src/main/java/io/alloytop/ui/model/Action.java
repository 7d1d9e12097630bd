package io.alloytop.ui.model;

/** What a key can do. Features add a constant here, a row in {@link Keymap} and a case in {@link Update}. */
public enum Action {
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    OPEN, BACK, NEXT_PANE, FILTER, COMMAND, HELP,
    LOGS_PAUSE, SORT_NEXT, SORT_REVERSE, REFRESH, FASTER, SLOWER, COPY_ID, NEXT_THEME, QUIT,
    PIPELINE, PROBLEMS
}
