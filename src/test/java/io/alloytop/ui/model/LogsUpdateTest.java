package io.alloytop.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.logs.Level;
import io.alloytop.logs.LogBuffer;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogFilter;
import io.alloytop.ui.LogSamples;
import io.alloytop.ui.Samples;
import io.alloytop.ui.States;
import io.alloytop.ui.model.Key.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsUpdateTest {
    private static UiState table() {
        return LogSamples.withLogs(States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40), LogSamples.mixed(100));
    }

    private static UiState pane() {
        return States.keys(table(), Key.of(Kind.TAB));
    }

    private static Update.Step key(UiState s, Key k) {
        return Update.update(s, new Event.KeyPressed(k));
    }

    @Test
    void levelCyclesDebugInfoWarnErrorAndFilters() {
        UiState s = pane();
        assertEquals(20, s.logs.rowCount());
        List<Level> seen = new java.util.ArrayList<>();
        int[] rows = new int[4];
        for (int i = 0; i < 4; i++) {
            s = States.keys(s, Key.ch('l'));
            seen.add(s.logs.filter().minLevel());
            rows[i] = s.logs.rowCount();
        }
        assertEquals(List.of(Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG), seen);
        assertTrue(rows[0] > rows[1] && rows[1] > rows[2], java.util.Arrays.toString(rows));
        assertEquals(20, rows[3], "debug shows everything again");
        s = States.keys(s, Key.ch('l'), Key.ch('l'), Key.ch('l'));
        for (int r = 0; r < s.logs.rowCount(); r++) {
            LogEntry e = s.logs.row(r).entry();
            assertTrue(e.kind() != LogEntry.Kind.LINE || e.level() == Level.ERROR, "error+ keeps errors and markers: " + e);
        }
        assertTrue(s.message.contains("error"), s.message);
    }

    @Test
    void capitalLFromTheTableShowsThatComponentsLogsAndEscClears() {
        UiState s = table();
        String id = s.selectedRow().globalId();
        assertEquals(LogSamples.API_KEY, id);
        s = States.keys(s, Key.ch('L'));
        assertEquals(UiState.Pane.LOGS, s.focus);
        assertEquals(id, s.logs.filter().component());
        assertFalse(s.logs.paused());
        for (int r = 0; r < s.logs.rowCount(); r++) {
            LogEntry e = s.logs.row(r).entry();
            assertTrue(e.kind() != LogEntry.Kind.LINE || e.component().equals(id), e.toString());
        }
        s = States.keys(s, Key.of(Kind.ESC));
        assertEquals(LogFilter.ALL, s.logs.filter());
        assertEquals(UiState.Pane.LOGS, s.focus, "the first Esc only clears");
        s = States.keys(s, Key.of(Kind.ESC));
        assertEquals(UiState.Pane.COMPONENTS, s.focus);
    }

    @Test
    void capitalLFromTheDetailViewLeavesItForTheLogs() {
        UiState s = States.keys(table(), Key.of(Kind.ENTER));
        assertEquals(UiState.View.DETAIL, s.view);
        s = States.keys(s, Key.ch('L'));
        assertEquals(UiState.View.TABLE, s.view);
        assertEquals(LogSamples.API_KEY, s.logs.filter().component());
    }

    @Test
    void capitalLWithoutALogSourceSaysWhy() {
        UiState s = States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40).with(b -> b.logsNote = "journalctl not found");
        s = States.keys(s, Key.ch('L'));
        assertEquals(UiState.Pane.COMPONENTS, s.focus);
        assertTrue(s.message.contains("journalctl not found"), s.message);
    }

    @Test
    void cFiltersToTheSelectedLinesComponentAndBack() {
        UiState s = pane(); // following: the cursor is on the newest line (19, api_key)
        s = States.keys(s, Key.ch('c'));
        assertEquals(LogSamples.API_KEY, s.logs.filter().component());
        s = States.keys(s, Key.ch('c'));
        assertEquals("", s.logs.filter().component());
    }

    @Test
    void searchHighlightsAsYouTypeAndEnterJumpsToTheNewestMatch() {
        UiState s = States.keys(pane(), Key.ch('/'));
        assertEquals(InputLine.Mode.LOGS_SEARCH, s.input.mode());
        s = States.type(s, "needle");
        assertEquals("needle", s.logs.query());
        assertEquals(2, s.logs.matchCount(), "case-insensitive: needle and NEEDLE");
        assertFalse(s.logs.paused(), "typing does not move the view");
        s = States.keys(s, Key.of(Kind.ENTER));
        assertNull(s.input);
        assertTrue(s.logs.paused());
        assertEquals(17, s.logsUi.cursor(), "the newest match");
        s = States.keys(s, Key.ch('n'));
        assertEquals(12, s.logsUi.cursor(), "n wraps to the first match");
        s = States.keys(s, Key.ch('n'));
        assertEquals(17, s.logsUi.cursor());
        s = States.keys(s, Key.ch('N'));
        assertEquals(12, s.logsUi.cursor());
        assertTrue(s.logsTop <= 12 && 12 < s.logsTop + Update.logsHeight(s), "the match is on screen");
        s = States.keys(s, Key.of(Kind.ESC));
        assertEquals("", s.logs.query(), "Esc clears the search first");
        assertEquals(UiState.Pane.LOGS, s.focus);
    }

    @Test
    void escWhileTypingClearsTheSearchAndNWithoutSearchExplains() {
        UiState s = States.type(States.keys(pane(), Key.ch('/')), "msg");
        assertTrue(s.logs.matchCount() > 0);
        s = States.keys(s, Key.of(Kind.ESC));
        assertNull(s.input);
        assertEquals("", s.logs.query());
        s = States.keys(s, Key.ch('n'));
        assertTrue(s.message.contains("press /"), s.message);
        s = States.type(States.keys(s, Key.ch('/')), "zzz");
        s = States.keys(s, Key.of(Kind.ENTER));
        assertTrue(s.message.contains("no match"), s.message);
    }

    @Test
    void spacePausesAndCountsNewLinesThenFollows() {
        LogBuffer b = LogSamples.mixed(100);
        UiState s = LogSamples.withLogs(States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40), b);
        s = States.keys(s, Key.of(Kind.TAB), Key.ch(' '));
        assertTrue(s.logs.paused());
        assertEquals(19, s.logsUi.cursor());
        for (int i = 0; i < 5; i++) b.append(LogSamples.line(100 + i, Level.INFO, "", "later " + i));
        s = LogSamples.withLogs(s, b);
        assertEquals(5, s.logs.arrivedWhilePaused());
        assertEquals(20, s.logs.rowCount(), "rows frozen while paused");
        s = States.keys(s, Key.ch(' '));
        assertFalse(s.logs.paused());
        assertEquals(25, s.logs.rowCount());
    }

    @Test
    void upPausesOnTheLineAboveAndDownPastTheEndFollows() {
        UiState s = States.keys(pane(), Key.of(Kind.UP), Key.of(Kind.UP));
        assertTrue(s.logs.paused());
        assertEquals(17, s.logsUi.cursor());
        s = States.keys(s, Key.ch('g'));
        assertEquals(0, s.logsUi.cursor());
        assertEquals(0, s.logsTop);
        s = States.keys(s, Key.ch('G'));
        assertFalse(s.logs.paused());
    }

    @Test
    void wrapAndTimeToggles() {
        UiState s = pane();
        assertFalse(s.logsUi.wrap());
        assertTrue(s.logsUi.times());
        s = States.keys(s, Key.ch('w'), Key.ch('T'));
        assertTrue(s.logsUi.wrap());
        assertFalse(s.logsUi.times());
        s = States.keys(s, Key.ch('w'), Key.ch('T'));
        assertFalse(s.logsUi.wrap());
        assertTrue(s.logsUi.times());
    }

    @Test
    void yCopiesTheSelectedLinesSanitisedText() {
        UiState s = States.keys(pane(), Key.ch('g'));
        for (int i = 0; i < 7; i++) s = States.keys(s, Key.of(Kind.DOWN));
        assertEquals(7, s.logsUi.cursor());
        Update.Step st = key(s, Key.ch('y'));
        Command.CopyToClipboard c = (Command.CopyToClipboard) st.commands().get(0);
        assertTrue(c.text().startsWith("pwn "), c.text());
        assertFalse(c.text().chars().anyMatch(ch -> ch == 0x1b || ch == 0x07 || ch == 0x9b || ch == 0), "copied text is inert: " + c.text());
    }

    @Test
    void enterOpensTheEntryEscClosesItAndKeysScrollIt() {
        UiState s = States.keys(pane(), Key.ch('g'));
        for (int i = 0; i < 8; i++) s = States.keys(s, Key.of(Kind.DOWN));
        s = States.keys(s, Key.of(Kind.ENTER));
        assertNotNull(s.logsUi.open());
        assertEquals(8, s.logsUi.open().seq());
        assertEquals(Keymap.Scope.LOG_ENTRY, s.scope());
        s = States.keys(s, Key.of(Kind.DOWN), Key.of(Kind.DOWN));
        assertEquals(2, s.logsUi.openScroll());
        assertTrue(key(s, Key.ch('y')).commands().get(0) instanceof Command.CopyToClipboard);
        s = States.keys(s, Key.of(Kind.ESC));
        assertNull(s.logsUi.open());
        assertEquals(UiState.Pane.LOGS, s.focus);
        assertEquals(8, s.logsUi.cursor(), "back on the same line");
    }

    @Test
    void everyLogsKeyIsInTheKeymapForHelp() {
        Keymap k = Keymap.defaults();
        for (char c : new char[] {'/', 'n', 'N', 'l', 'c', 'w', 'T', 'y', ' '}) {
            assertNotNull(k.lookup(Keymap.Scope.LOGS, Key.ch(c)), "logs key " + c);
        }
        assertEquals(Action.LOGS_FOR_COMPONENT, k.lookup(Keymap.Scope.TABLE, Key.ch('L')));
        assertEquals(Action.NEXT_THEME, k.lookup(Keymap.Scope.LOGS, Key.ch('t')), "t stays the theme in the logs");
        assertEquals(Action.LOGS_OPEN, k.lookup(Keymap.Scope.LOGS, Key.of(Kind.ENTER)));
    }

    @Test
    void keysWithoutALogSourceDoNothingHarmful() {
        UiState s = States.with(Samples.ok(Samples.small(), Samples.T0), 80, 24);
        s = States.keys(s, Key.of(Kind.TAB));
        for (char c : new char[] {'/', 'n', 'N', 'l', 'c', 'w', 'T', 'y', ' '}) s = States.keys(s, Key.ch(c));
        s = States.keys(s, Key.of(Kind.ENTER), Key.of(Kind.UP), Key.of(Kind.DOWN));
        assertNull(s.logs);
        assertNull(s.logsUi.open());
    }
}
