package io.alloytop.ui.model;

/** What a key can do. Features add a constant here, a row in {@link Keymap} and a case in {@link Update}. */
public enum Action {
    UP, DOWN, PAGE_UP, PAGE_DOWN, TOP, BOTTOM,
    OPEN, BACK, NEXT_PANE, FILTER, COMMAND, HELP,
    LOGS_PAUSE,
    LOGS_SEARCH, LOGS_NEXT_MATCH, LOGS_PREV_MATCH, LOGS_LEVEL, LOGS_COMPONENT, LOGS_FOR_COMPONENT, LOGS_WRAP,
    LOGS_TIMES, LOGS_COPY, LOGS_OPEN,
    SORT_NEXT, SORT_REVERSE, REFRESH, FASTER, SLOWER, COPY_ID, NEXT_THEME, QUIT,
    PIPELINE, PROBLEMS
}
