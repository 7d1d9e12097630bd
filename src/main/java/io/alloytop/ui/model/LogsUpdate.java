package io.alloytop.ui.model;

import io.alloytop.logs.Level;
import io.alloytop.logs.LogFilter;
import io.alloytop.logs.LogLine;
import io.alloytop.logs.LogView;
import io.alloytop.ui.model.Update.Step;
import io.alloytop.ui.model.UiState.Pane;
import io.alloytop.ui.model.UiState.View;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The logs pane's part of update(): cursor, search, filters, toggles and the entry view. Pure like
 * {@link Update}; every LogView operation is in memory (O(lines held) at worst), never I/O.
 *
 * <p>The cursor is a row of the view. While following it sits on the newest row and is not stored;
 * moving it up pauses the view (rows stop moving under the reader), moving it past the newest row
 * follows again.
 */
final class LogsUpdate {
    private LogsUpdate() {}

    /** The step for {@code a} when the logs own it in this state; null to let {@link Update} handle it. */
    static Step act(UiState s, Action a) {
        if (s.logsUi.open() != null && !s.helpOpen) {
            switch (a) {
                case BACK: return Step.of(ui(s, s.logsUi.opened(null)));
                case UP: return Step.of(scrollEntry(s, -1));
                case DOWN: return Step.of(scrollEntry(s, 1));
                case PAGE_UP: return Step.of(scrollEntry(s, -page(s)));
                case PAGE_DOWN: return Step.of(scrollEntry(s, page(s)));
                case TOP: return Step.of(ui(s, s.logsUi.scrolled(0)));
                case BOTTOM: return Step.of(scrollEntry(s, 100_000));
                case LOGS_COPY: return copy(s, s.logsUi.open());
                case PROFILE: case FORWARD: case PIPELINE: case PROBLEMS: case NEXT_PANE:
                    // another view replaces the entry rather than opening under it
                    return Update.act(ui(s, s.logsUi.opened(null)), a);
                default: break;
            }
        }
        if (a == Action.LOGS_FOR_COMPONENT) return forComponent(s);
        boolean pane = s.view == View.TABLE && s.focus == Pane.LOGS && !s.helpOpen && s.logsUi.open() == null;
        if (!pane) return null;
        LogView v = s.logs;
        switch (a) {
            case UP: return Step.of(move(s, -1));
            case DOWN: return Step.of(move(s, 1));
            case PAGE_UP: return Step.of(move(s, -height(s)));
            case PAGE_DOWN: return Step.of(move(s, height(s)));
            case TOP: return Step.of(move(s, Integer.MIN_VALUE / 2));
            case BOTTOM: return Step.of(move(s, Integer.MAX_VALUE / 2));
            case LOGS_PAUSE: {
                if (v == null) return Step.of(s);
                if (v.paused()) return Step.of(following(s, v.follow()));
                return Step.of(pausedAt(s, v.pause(), Math.max(0, v.rowCount() - 1)));
            }
            case LOGS_SEARCH:
                if (v == null) return Step.of(noLogs(s));
                return Step.of(s.with(b -> b.input = InputLine.start(InputLine.Mode.LOGS_SEARCH, v.query())));
            case LOGS_NEXT_MATCH: return Step.of(jump(s, true));
            case LOGS_PREV_MATCH: return Step.of(jump(s, false));
            case LOGS_LEVEL: {
                if (v == null) return Step.of(noLogs(s));
                Level next = nextLevel(v.filter().minLevel());
                return Step.of(Update.say(refilter(s, v.filter().withMinLevel(next)),
                        "logs: " + next.name().toLowerCase(Locale.ROOT) + (next == Level.DEBUG ? " (all levels)" : " and above")));
            }
            case LOGS_COMPONENT: {
                if (v == null) return Step.of(noLogs(s));
                if (!v.filter().component().isEmpty()) return Step.of(Update.say(refilter(s, v.filter().withComponent("")), "logs: all components"));
                LogLine line = selected(s);
                String c = line == null ? "" : line.entry().component();
                if (c == null || c.isEmpty()) return Step.of(Update.say(s, "this line has no component"));
                return Step.of(Update.say(refilter(s, v.filter().withComponent(c)), "logs: only " + c));
            }
            case LOGS_WRAP: return Step.of(Update.say(ui(s, s.logsUi.withWrap(!s.logsUi.wrap())), s.logsUi.wrap() ? "logs: long lines cut" : "logs: long lines wrapped"));
            case LOGS_TIMES: return Step.of(ui(s, s.logsUi.withTimes(!s.logsUi.times())));
            case LOGS_COPY: {
                LogLine line = selected(s);
                return line == null ? Step.of(s) : copy(s, line);
            }
            case LOGS_OPEN: {
                LogLine line = selected(s);
                return Step.of(line == null ? s : ui(s, s.logsUi.opened(line)));
            }
            case BACK: {
                if (v != null && !v.query().isEmpty()) return Step.of(search(s, ""));
                if (v != null && !v.filter().equals(LogFilter.ALL)) return Step.of(Update.say(refilter(s, LogFilter.ALL), "logs: all levels and components"));
                return Step.of(s.with(b -> b.focus = Pane.COMPONENTS));
            }
            default: return null;
        }
    }

    /** Sets the search text (typing in `/` calls this on every key: highlights follow as you type). */
    static UiState search(UiState s, String q) {
        if (s.logs == null) return s;
        return s.with(b -> b.logs = s.logs.withQuery(q.strip()));
    }

    /** Enter in `/`: keep the search and jump to the newest match at or before the cursor. */
    static Step searchDone(UiState s, String q) {
        UiState n = search(s, q);
        if (n.logs == null || n.logs.query().isEmpty()) return Step.of(n);
        if (n.logs.matchCount() == 0) return Step.of(Update.say(n, "no match for " + n.logs.query()));
        int from = n.logs.paused() ? n.logsUi.cursor() + 1 : n.logs.rowCount();
        OptionalInt r = n.logs.previousMatch(from);
        return Step.of(Update.say(showRow(n, r.getAsInt()), n.logs.matchCount() + " lines match"));
    }

    /** The row the cursor is on: the stored one while paused, the newest while following. */
    static int cursorRow(UiState s) {
        LogView v = s.logs;
        if (v == null || v.rowCount() == 0) return -1;
        return v.paused() ? Math.min(s.logsUi.cursor(), v.rowCount() - 1) : v.rowCount() - 1;
    }

    static LogLine selected(UiState s) {
        int r = cursorRow(s);
        return r < 0 ? null : s.logs.row(r);
    }

    private static Step forComponent(UiState s) {
        String id = s.view == View.DETAIL && s.detail != null ? s.detail.globalId()
                : s.selectedRow() != null ? s.selectedRow().globalId() : null;
        if (id == null) return Step.of(s);
        if (s.logs == null) return Step.of(noLogs(s));
        UiState n = s.with(b -> {
            b.view = View.TABLE;
            b.detail = null;
            b.focus = Pane.LOGS;
            b.logsUi = s.logsUi.opened(null);
        });
        n = refilter(n, s.logs.filter().withComponent(id));
        n = following(n, n.logs.follow());
        return Step.of(Update.say(n, "logs: only " + id + " (Esc: all)"));
    }

    /** A new filter, keeping the cursor on the same line when it still shows. */
    private static UiState refilter(UiState s, LogFilter f) {
        LogView v = s.logs;
        LogLine at = selected(s);
        LogView n = v.withFilter(f);
        if (!n.paused()) return s.with(b -> b.logs = n);
        int row = at == null ? n.rowCount() - 1 : Math.min(n.rowOf(at.seq()), n.rowCount() - 1);
        return pausedAt(s, n, Math.max(0, row));
    }

    private static UiState move(UiState s, int delta) {
        LogView v = s.logs;
        if (v == null || v.rowCount() == 0) return s;
        int last = v.rowCount() - 1;
        long target = (long) cursorRow(s) + delta;
        if (delta > 0 && target >= last) return following(s, v.follow());
        int row = (int) Math.max(0, Math.min(last, target));
        return pausedAt(s, v.paused() ? v : v.pause(), row);
    }

    private static UiState jump(UiState s, boolean forward) {
        LogView v = s.logs;
        if (v == null) return noLogs(s);
        if (v.query().isEmpty()) return Update.say(s, "no search: press / first");
        int from = cursorRow(s);
        OptionalInt r = forward ? v.nextMatch(from) : v.previousMatch(from < 0 ? v.rowCount() : from);
        if (r.isEmpty()) return Update.say(s, "no match for " + v.query());
        return showRow(s, r.getAsInt());
    }

    /** Pauses with the cursor on {@code row}, scrolled so that it sits mid-pane. */
    private static UiState showRow(UiState s, int row) {
        LogView v = s.logs.paused() ? s.logs : s.logs.pause();
        int h = height(s);
        int top = Math.max(0, Math.min(row - h / 2, v.rowCount() - h));
        return s.with(b -> { b.logs = v; b.logsTop = top; b.logsUi = s.logsUi.withCursor(row); });
    }

    /** Paused with the cursor on {@code row}; the window moves only as far as needed to show it. */
    private static UiState pausedAt(UiState s, LogView v, int row) {
        int h = height(s);
        int top = s.logs != null && s.logs.paused() ? s.logsTop : Math.max(0, v.rowCount() - h);
        if (row < top) top = row;
        if (row >= top + h) top = row - h + 1;
        top = Math.max(0, Math.min(top, Math.max(0, v.rowCount() - h)));
        int t = top;
        return s.with(b -> { b.logs = v; b.logsTop = t; b.logsUi = s.logsUi.withCursor(row); });
    }

    private static UiState following(UiState s, LogView v) {
        int top = Math.max(0, v.rowCount() - height(s));
        return s.with(b -> { b.logs = v; b.logsTop = top; b.logsUi = s.logsUi.withCursor(Math.max(0, v.rowCount() - 1)); });
    }

    private static Step copy(UiState s, LogLine line) {
        return Step.of(Update.say(s, "copied the log line to the clipboard (OSC 52)"), new Command.CopyToClipboard(line.text()));
    }

    private static UiState scrollEntry(UiState s, int delta) {
        long v = Math.max(0, Math.min(100_000L, (long) s.logsUi.openScroll() + delta));
        return ui(s, s.logsUi.scrolled((int) v));
    }

    static Level nextLevel(Level l) {
        switch (l) {
            case INFO: return Level.WARN;
            case WARN: return Level.ERROR;
            case ERROR: return Level.DEBUG;
            default: return Level.INFO; // DEBUG and UNKNOWN (no filter yet) both show everything
        }
    }

    private static UiState noLogs(UiState s) {
        return Update.say(s, s.logsNote != null ? "no logs: " + s.logsNote : "no log source");
    }

    private static UiState ui(UiState s, LogsUi u) {
        return s.with(b -> b.logsUi = u);
    }

    private static int height(UiState s) {
        return Math.max(1, Update.logsHeight(s));
    }

    private static int page(UiState s) {
        return Math.max(1, s.layout().body().h() - 2);
    }
}
