package io.alloytop.ui.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import io.alloytop.ui.Samples;
import io.alloytop.ui.States;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.view.Renderer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermTest {
    @Test
    void colourProfileDetection() {
        assertEquals(ColorProfile.NONE, ColorProfile.detect("auto", Map.of("TERM", "xterm-256color", "NO_COLOR", "1"), 256));
        assertEquals(ColorProfile.TRUECOLOR, ColorProfile.detect("auto", Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor"), 256));
        assertEquals(ColorProfile.C256, ColorProfile.detect("auto", Map.of("TERM", "screen-256color", "COLORTERM", "truecolor"), 256));
        assertEquals(ColorProfile.C16, ColorProfile.detect("auto", Map.of("TERM", "screen", "COLORTERM", "truecolor"), 8));
        assertEquals(ColorProfile.C16, ColorProfile.detect("auto", Map.of("TERM", "linux"), 8));
        assertEquals(ColorProfile.C16, ColorProfile.detect("auto", Map.of("TERM", "weird-unknown-term"), null));
        assertEquals(ColorProfile.NONE, ColorProfile.detect("auto", Map.of("TERM", "dumb"), null));
        assertEquals(ColorProfile.C256, ColorProfile.detect("256", Map.of("NO_COLOR", "1"), null), "an explicit flag wins");
        assertEquals(ColorProfile.NONE, ColorProfile.detect("none", Map.of("TERM", "xterm-256color"), 256));
    }

    @Test
    void coloursAreReducedToTheProfile() {
        TextColor red = new TextColor.RGB(0xff, 0x5f, 0x5f);
        assertEquals("38;2;255;95;95", ColorProfile.TRUECOLOR.sgr(red, true));
        assertEquals("38;5;203", ColorProfile.C256.sgr(red, true));
        assertEquals("91", ColorProfile.C16.sgr(red, true));
        assertEquals("41", ColorProfile.C16.sgr(new TextColor.RGB(0xaf, 0, 0), false));
        assertNull(ColorProfile.NONE.sgr(red, true));
        assertEquals("39", ColorProfile.C16.sgr(TextColor.ANSI.DEFAULT, true));
        assertEquals("48;5;24", ColorProfile.C256.sgr(new TextColor.Indexed(24), false));
    }

    private static List<Object> decode(String input) throws Exception {
        Deque<Integer> q = new ArrayDeque<>();
        for (char c : input.toCharArray()) q.add((int) c);
        KeyDecoder d = new KeyDecoder(ms -> q.isEmpty() ? KeyDecoder.TIMEOUT : q.poll(), 10);
        List<Object> out = new ArrayList<>();
        KeyDecoder.Decoded x;
        while ((x = d.next(0)) != null) {
            if (x instanceof KeyDecoder.Decoded.Pressed p) out.add(p.key());
            else if (!(x instanceof KeyDecoder.Decoded.Ignored)) out.add(x);
        }
        return out;
    }

    @Test
    void keysAreDecoded() throws Exception {
        assertEquals(List.of(Key.of(Kind.UP), Key.of(Kind.DOWN), Key.of(Kind.PAGE_UP), Key.of(Kind.PAGE_DOWN), Key.of(Kind.HOME),
                Key.of(Kind.END), Key.of(Kind.BACKTAB), Key.of(Kind.LEFT)),
                decode("\033[A\033OB\033[5~\033[6~\033[H\033[4~\033[Z\033[D"));
        assertEquals(List.of(Key.ch('j'), Key.of(Kind.ENTER), Key.ctrl('c'), Key.of(Kind.BACKSPACE), Key.of(Kind.TAB)), decode("j\r\003\177\t"));
        assertEquals(List.of(Key.of(Kind.ESC)), decode("\033"));
        assertEquals(List.of(Key.ch('q')), decode("\033[<0;10;5Mq\033[<0;10;5m"), "mouse clicks are swallowed");
        assertEquals(List.of(Key.of(Kind.UP), Key.of(Kind.DOWN)), decode("\033[<64;3;4M\033[<65;3;4M"), "the wheel scrolls");
        List<Object> sync = decode("\033[?2026;2$y");
        assertInstanceOf(KeyDecoder.Decoded.SyncOutputReport.class, sync.get(0));
        assertTrue(((KeyDecoder.Decoded.SyncOutputReport) sync.get(0)).supported());
        assertFalse(((KeyDecoder.Decoded.SyncOutputReport) decode("\033[?2026;0$y").get(0)).supported());
    }

    private static String frames(AnsiOutputTerminal t, ByteArrayOutputStream bos) {
        return bos.toString(StandardCharsets.UTF_8);
    }

    @Test
    void framesAreOneWriteBracketedWithSynchronizedOutputAndDeltasAreSmall() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        AnsiOutputTerminal t = new AnsiOutputTerminal(bos, StandardCharsets.UTF_8, ColorProfile.C256, () -> new TerminalSize(120, 40));
        t.setSynchronizedOutput(true);
        TerminalScreen screen = new TerminalScreen(t);
        screen.startScreen();
        UiState s = States.with(Samples.ok(Samples.many(600, 3), Samples.T0), 120, 40);
        Renderer.render(s, screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.AUTOMATIC);
        String first = frames(t, bos);
        assertTrue(first.startsWith("\033[?2026h\033[?1049h"), "alternate screen first");
        assertTrue(first.contains("\033[?2026h") && first.endsWith("\033[?2026l"), "frame bracketed");
        assertTrue(first.contains("38;5;203"), "unhealthy in 256 colours");
        assertFalse(first.contains("38;2;"), "no truecolor in the 256 profile");
        long full = t.bytesWritten();
        // one second later: only the clock-driven text and the series change
        UiState later = States.apply(s, new Event.SnapshotArrived(Samples.ok(Samples.many(600, 3), Samples.T0.plusSeconds(1))),
                new Event.Tick(Samples.T0.plusSeconds(1)));
        Renderer.render(later, screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.AUTOMATIC);
        long delta = t.bytesWritten() - full;
        assertTrue(delta < 600, "a quiet second costs " + delta + " bytes (full frame " + full + ")");
        // nothing changed: nothing but cursor bookkeeping is written
        long before = t.bytesWritten();
        Renderer.render(later, screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.AUTOMATIC);
        assertTrue(t.bytesWritten() - before < 40, "idle frame " + (t.bytesWritten() - before));
    }

    @Test
    void noColourProfileEmitsNoColourCodesAndBrokenTerminalsDoNotThrow() throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        AnsiOutputTerminal t = new AnsiOutputTerminal(bos, StandardCharsets.UTF_8, ColorProfile.NONE, () -> new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(t);
        screen.startScreen();
        Renderer.render(States.with(Samples.ok(Samples.small(), Samples.T0), 80, 24), screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.COMPLETE);
        String out = bos.toString(StandardCharsets.UTF_8);
        assertFalse(out.matches("(?s).*\033\\[(3|4|9|10)[0-9](;[0-9;]*)?m.*"), "colour SGR found");
        AnsiOutputTerminal dead = new AnsiOutputTerminal(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("EIO");
            }
        }, StandardCharsets.UTF_8, ColorProfile.C16, () -> new TerminalSize(80, 24));
        dead.putString("x");
        dead.flush();
        assertTrue(dead.broken());
        dead.putString("y");
        dead.flush();
    }
}
