package io.alloytop.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.alloytop.ui.theme.Style;
import io.alloytop.ui.theme.ThemeLoader;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PainterTest {
    private static final Style WARN = new Style(TextColor.ANSI.YELLOW, TextColor.ANSI.BLACK, Set.of(SGR.BOLD));
    /** ASCII, box drawing, sparkline blocks, a wide CJK pair, an emoji-ish BMP sign, a lone surrogate. */
    private static final String MIXED = "ok │▁▃▇ 中文 ⚠ x\uD83D y";

    private static TerminalScreen screen(int cols) throws IOException {
        TerminalScreen s = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(cols, 3)));
        s.startScreen();
        return s;
    }

    @Test
    void cellsLandWhereLanternasPutStringPutsThem() throws IOException {
        TerminalScreen ours = screen(40);
        TerminalScreen lanterna = screen(40);
        new Painter(ours.newTextGraphics(), ThemeLoader.load(java.util.Map.of()).defaultTheme(), Glyphs.of(false)).put(1, 1, MIXED, WARN, 38);
        TextGraphics g = lanterna.newTextGraphics();
        g.setForegroundColor(TextColor.ANSI.YELLOW);
        g.setBackgroundColor(TextColor.ANSI.BLACK);
        g.setModifiers(EnumSet.of(SGR.BOLD));
        g.putString(1, 1, MIXED);
        ours.refresh(Screen.RefreshType.COMPLETE);
        lanterna.refresh(Screen.RefreshType.COMPLETE);
        for (int col = 0; col < 40; col++) {
            TextCharacter a = ours.getBackCharacter(col, 1);
            TextCharacter b = lanterna.getBackCharacter(col, 1);
            String where = "column " + col;
            assertEquals(b.getCharacterString(), a.getCharacterString(), where);
            assertEquals(b.getForegroundColor(), a.getForegroundColor(), where);
            assertEquals(b.getBackgroundColor(), a.getBackgroundColor(), where);
            assertEquals(b.getModifiers(), a.getModifiers(), where);
            assertEquals(b.isDoubleWidth(), a.isDoubleWidth(), where);
        }
    }

    @Test
    void aCellIsMadeOncePerStyleAndCharacterAndKnowsItsWidth() {
        assertSame(Cells.of(WARN, 'a'), Cells.of(WARN, 'a'));
        assertSame(Cells.of(WARN, '▇'), Cells.of(new Style(TextColor.ANSI.YELLOW, TextColor.ANSI.BLACK, Set.of(SGR.BOLD)), '▇'),
                "styles are values: an equal style finds the same cells");
        assertFalse(Cells.of(WARN, 'a').isDoubleWidth());
        assertEquals(1, Cells.of(WARN, 'a').advance);
        assertTrue(Cells.of(WARN, '中').isDoubleWidth());
        assertEquals(2, Cells.of(WARN, '中').advance);
        assertEquals(Cells.of(WARN, 'a'), Cells.of(WARN, 'a'));
        assertFalse(Cells.of(WARN, 'a').equals(Cells.of(Style.PLAIN, 'a')));
    }

    @Test
    void textWithLineBreaksOrTabsStillGoesThroughPutString() throws IOException {
        TerminalScreen ours = screen(20);
        new Painter(ours.newTextGraphics(), ThemeLoader.load(java.util.Map.of()).defaultTheme(), Glyphs.of(false)).put(0, 0, "ab\ncd", WARN, 20);
        assertEquals("a", ours.getBackCharacter(0, 0).getCharacterString());
        assertEquals("b", ours.getBackCharacter(1, 0).getCharacterString());
        assertEquals(" ", ours.getBackCharacter(2, 0).getCharacterString(), "putString stops at the line break");
    }
}
