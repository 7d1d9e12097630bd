package io.alloytop.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.view.Renderer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders a state through a real Lanterna screen onto Lanterna's virtual terminal, for assertions. */
public final class VirtualScreen {
    public final DefaultVirtualTerminal vt;
    public final int cols;
    public final int rows;

    private VirtualScreen(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        this.vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    }

    public static VirtualScreen render(UiState s) {
        VirtualScreen v = new VirtualScreen(s.cols, s.rows);
        try {
            TerminalScreen screen = new TerminalScreen(v.vt);
            screen.startScreen();
            Renderer.render(s, screen.newTextGraphics());
            screen.refresh(Screen.RefreshType.COMPLETE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return v;
    }

    public TextCharacter at(int col, int row) {
        return vt.getBufferCharacter(col, row);
    }

    public String line(int row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            TextCharacter ch = at(c, row);
            if (ch.isDoubleWidth()) {
                sb.append(ch.getCharacterString());
                c++;
            } else {
                sb.append(ch.getCharacterString());
            }
        }
        return sb.toString();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) sb.append(line(r)).append('\n');
        return sb.toString();
    }

    /** Row index of the first line containing {@code needle}, or -1. */
    public int rowOf(String needle) {
        for (int r = 0; r < rows; r++) if (line(r).contains(needle)) return r;
        return -1;
    }

    /** The character cell where {@code needle} starts on its first line. */
    public TextCharacter cellOf(String needle) {
        int r = rowOf(needle);
        if (r < 0) throw new AssertionError("not on screen: " + needle + "\n" + text());
        return at(line(r).indexOf(needle), r);
    }

    public TextColor fgOf(String needle) {
        return cellOf(needle).getForegroundColor();
    }

    public TextColor bgOf(String needle) {
        return cellOf(needle).getBackgroundColor();
    }
}
