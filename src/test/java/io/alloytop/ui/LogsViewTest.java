package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import io.alloytop.logs.Level;
import io.alloytop.logs.LogBuffer;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Theme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The logs pane drawn on Lanterna's virtual terminal, at the smallest usual size and a roomy one. */
class LogsViewTest {
    private static final Theme DEF = States.THEMES.defaultTheme();

    /** The logs pane focused; at 80x24 it takes the table's place, at 120x40 it has its own region. */
    private static UiState pane(int cols, int rows, LogBuffer b) {
        UiState s = LogSamples.withLogs(States.with(Samples.ok(Samples.small(), Samples.T0), cols, rows), b);
        return States.keys(s, Key.of(Kind.TAB));
    }

    private static void fits(VirtualScreen v, UiState s) {
        for (int r = 0; r < s.rows; r++) assertEquals(s.cols, v.line(r).length(), "row " + r + " width\n" + v.text());
    }

    /** No cell holds a control character, a C1 code or a bidi override: what log text carried is inert. */
    private static void inert(VirtualScreen v, UiState s) {
        for (int r = 0; r < s.rows; r++) {
            for (int c = 0; c < s.cols; c++) {
                String cell = v.at(c, r).getCharacterString();
                for (int i = 0; i < cell.length(); i++) {
                    char ch = cell.charAt(i);
                    boolean bad = ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
                    assertFalse(bad, "cell " + c + "," + r + " holds U+" + Integer.toHexString(ch) + "\n" + v.text());
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void levelsSystemdEventsAndRestartsLookDifferent(int cols, int rows) {
        UiState s = pane(cols, rows, LogSamples.mixed(100));
        s = States.keys(s, Key.ch('g'));
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        assertEquals(DEF.style(Element.ERROR).fg(), v.fgOf("ERROR "));
        assertEquals(DEF.style(Element.WARN).fg(), v.fgOf("WARN "));
        assertEquals(DEF.style(Element.DIM).fg(), v.fgOf("debug "));
        TextCharacter sys = v.cellOf("systemd");
        assertEquals(DEF.style(Element.DETAIL_SECTION).fg(), sys.getForegroundColor());
        assertTrue(sys.getModifiers().contains(SGR.BOLD), "systemd events are bold");
        assertTrue(v.cellOf("RESTART").getModifiers().contains(SGR.REVERSE), "a restart is a reversed bar");
        assertTrue(v.cellOf("alloy.service restarted").getModifiers().contains(SGR.REVERSE));
        assertFalse(v.cellOf("msg 1 ").getModifiers().contains(SGR.REVERSE), "ordinary lines are not");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void searchMatchesAreHighlighted(int cols, int rows) {
        UiState s = States.type(States.keys(pane(cols, rows, LogSamples.mixed(100)), Key.ch('/')), "needle");
        s = States.keys(s, Key.of(Kind.ENTER));
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        TextCharacter newest = v.cellOf("NEEDLE again");
        assertTrue(newest.getModifiers().contains(SGR.REVERSE), "Enter jumps to the newest match, highlighted");
        s = States.keys(s, Key.ch('n'));
        v = VirtualScreen.render(s);
        TextCharacter hit = v.cellOf("needle here");
        assertTrue(hit.getModifiers().contains(SGR.REVERSE), "match highlighted");
        assertEquals(DEF.style(Element.WARN).fg(), hit.getForegroundColor());
        int r = v.rowOf("needle here");
        int after = v.line(r).indexOf("needle here") + "needle ".length();
        assertFalse(v.at(after, r).getModifiers().contains(SGR.REVERSE), "only the match, not the rest of the line");
        assertTrue(v.text().contains("/needle 2 match"), v.text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void pausedShowsHowManyLinesArrived(int cols, int rows) {
        LogBuffer b = LogSamples.mixed(100);
        UiState s = States.keys(pane(cols, rows, b), Key.ch(' '));
        for (int i = 0; i < 7; i++) b.append(LogSamples.line(50 + i, Level.INFO, "", "after pause " + i));
        s = LogSamples.withLogs(s, b);
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        assertTrue(v.text().contains("PAUSED 7 new"), v.text());
        assertFalse(v.text().contains("after pause"), "paused rows do not move");
        s = States.keys(s, Key.ch(' '));
        v = VirtualScreen.render(s);
        assertFalse(v.text().contains("PAUSED"), v.text());
        assertTrue(v.text().contains("after pause 6"), v.text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void longLinesAreCutUnlessWrapped(int cols, int rows) {
        LogBuffer b = LogSamples.mixed(100);
        b.append(LogSamples.longLine(60, cols));
        UiState s = pane(cols, rows, b);
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        assertFalse(v.text().replaceAll("\\s+", "").contains(LogSamples.LONG_TAIL), v.text());
        assertTrue(v.line(v.rowOf("xxxxxxxx")).endsWith("…"), v.text());
        s = States.keys(s, Key.ch('w'));
        v = VirtualScreen.render(s);
        fits(v, s);
        // the tail may itself be split across rows: compare without the layout's spaces and breaks
        assertTrue(v.text().replaceAll("\\s+", "").contains(LogSamples.LONG_TAIL), "wrapped: the tail shows\n" + v.text());
        int first = v.rowOf("xxxxxxxx");
        assertTrue(v.rowOf("LINE") > first, v.text());
        assertTrue(v.line(first).contains("info"), "the first row carries the level");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void droppedLinesAndSourceStatusInTheHeader(int cols, int rows) {
        LogBuffer b = new LogBuffer(10);
        for (int i = 0; i < 25; i++) b.append(LogSamples.line(i, Level.INFO, "", "l" + i));
        UiState s = pane(cols, rows, b);
        s = States.apply(s, new Event.LogStatus("journalctl: no permission to read the journal; add yourself to systemd-journal \u001b[31m", true));
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        inert(v, s);
        int head = v.rowOf("Logs");
        assertTrue(v.line(head).contains("dropped 15"), v.line(head));
        assertEquals(DEF.style(Element.WARN).fg(), v.fgOf("dropped 15"));
        assertTrue(v.line(head).contains("journalctl: no perm"), v.line(head));
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void hostileLineIsDrawnInert(int cols, int rows) {
        UiState s = States.keys(pane(cols, rows, LogSamples.mixed(100)), Key.ch('g'));
        for (int i = 0; i < 7; i++) s = States.keys(s, Key.of(Kind.DOWN));
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        inert(v, s);
        assertTrue(v.text().contains("pwn ␛[2J"), v.text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void timestampsToggle(int cols, int rows) {
        UiState s = pane(cols, rows, LogSamples.mixed(100));
        assertTrue(VirtualScreen.render(s).text().contains("09:00:19"));
        s = States.keys(s, Key.ch('T'));
        assertFalse(VirtualScreen.render(s).text().contains("09:00:19"));
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void entryDetailShowsTheWholeEntrySanitised(int cols, int rows) {
        UiState s = States.keys(pane(cols, rows, LogSamples.mixed(100)), Key.ch('g'));
        for (int i = 0; i < 8; i++) s = States.keys(s, Key.of(Kind.DOWN));
        s = States.keys(s, Key.of(Kind.ENTER));
        VirtualScreen v = VirtualScreen.render(s);
        fits(v, s);
        inert(v, s);
        String all = v.text();
        assertTrue(all.contains("Log entry #8"), all);
        assertTrue(all.contains("2026-11-22T09:00:08Z"), all);
        assertTrue(all.contains("error") && all.contains(LogSamples.API_KEY), all);
        assertTrue(all.contains("truncated"), all);
        // the panic's lines each on their own row
        assertTrue(v.rowOf("goroutine 1 [running]:") > v.rowOf("panic: boom"), all);
        assertTrue(v.rowOf("main.main()") > v.rowOf("goroutine 1"), all);
        assertTrue(all.contains("dial tcp 10.0.0.1:443: i/o timeout"), all);
        assertTrue(all.contains("url␛[31m"), "field names sanitised too\n" + all);
        assertTrue(all.contains("␛]52;c;ZXZpbA==␇"), "an OSC 52 in a value is shown, not run\n" + all);
        s = States.keys(s, Key.of(Kind.ESC));
        assertFalse(VirtualScreen.render(s).text().contains("Log entry"), "Esc closes it");
    }
}
