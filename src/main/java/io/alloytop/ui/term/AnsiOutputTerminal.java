package io.alloytop.ui.term;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.AbstractTerminal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The small Lanterna {@code Terminal} the screen draws through. It only writes ANSI sequences to a
 * stream it is given (JLine's tty output); it never opens the tty, runs stty or asks the terminal for
 * its size (those belong to JLine). Each flush is one write, bracketed with synchronized output
 * (DEC mode 2026) once the terminal said it supports it. Colours are reduced to the profile.
 * Input is not read here: keys come from JLine through the event queue.
 */
public final class AnsiOutputTerminal extends AbstractTerminal {
    private static final String CSI = "\033[";

    private final OutputStream out;
    private final CharsetEncoder encoder;
    private final ColorProfile profile;
    private final Supplier<TerminalSize> size;
    private final StringBuilder buf = new StringBuilder(8192);
    private final AtomicLong bytesWritten = new AtomicLong();
    private volatile boolean synchronizedOutput;
    private volatile boolean broken;
    private int col;
    private int row;
    private String lastFg;
    private String lastBg;

    public AnsiOutputTerminal(OutputStream out, Charset charset, ColorProfile profile, Supplier<TerminalSize> size) {
        this.out = out;
        this.encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] {'?'});
        this.profile = profile;
        this.size = size;
    }

    public void setSynchronizedOutput(boolean on) {
        synchronizedOutput = on;
    }

    public boolean synchronizedOutput() {
        return synchronizedOutput;
    }

    /** Bytes actually written to the terminal, for the bandwidth budget. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** True once a write failed (terminal gone): later writes are dropped, never block or throw. */
    public boolean broken() {
        return broken;
    }

    /** Stops all further output: called before the terminal is restored, so no frame lands after it. */
    public synchronized void shutdown() {
        broken = true;
        buf.setLength(0);
    }

    /** Tells the screen about a new size (from SIGWINCH); call on the UI thread. */
    public void resized(TerminalSize s) {
        onResized(s);
    }

    /** Queues raw bytes that are not cells (OSC 52 copy), sent with the next flush. */
    public void raw(String s) {
        buf.append(s);
    }

    @Override
    public void enterPrivateMode() {
        buf.append(CSI).append("?1049h").append(CSI).append("H");
    }

    @Override
    public void exitPrivateMode() {
        buf.append(CSI).append("0m").append(CSI).append("?25h").append(CSI).append("?1049l");
    }

    @Override
    public void clearScreen() {
        buf.append(CSI).append("H").append(CSI).append("2J");
        col = 0;
        row = 0;
    }

    @Override
    public void setCursorPosition(int x, int y) {
        buf.append(CSI).append(y + 1).append(';').append(x + 1).append('H');
        col = x;
        row = y;
    }

    @Override
    public void setCursorPosition(TerminalPosition p) {
        setCursorPosition(p.getColumn(), p.getRow());
    }

    @Override
    public TerminalPosition getCursorPosition() {
        return new TerminalPosition(col, row);
    }

    @Override
    public void setCursorVisible(boolean visible) {
        buf.append(CSI).append(visible ? "?25h" : "?25l");
    }

    @Override
    public void putCharacter(char c) {
        buf.append(c);
        col += TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
    }

    @Override
    public void putString(String s) {
        buf.append(s);
        col += TerminalTextUtils.getColumnWidth(s);
    }

    @Override
    public void enableSGR(SGR sgr) {
        String code = sgrCode(sgr, true);
        if (code != null) buf.append(CSI).append(code).append('m');
    }

    @Override
    public void disableSGR(SGR sgr) {
        String code = sgrCode(sgr, false);
        if (code != null) buf.append(CSI).append(code).append('m');
    }

    private static String sgrCode(SGR s, boolean on) {
        switch (s) {
            case BOLD: return on ? "1" : "22";
            case REVERSE: return on ? "7" : "27";
            case UNDERLINE: return on ? "4" : "24";
            case BLINK: return on ? "5" : "25";
            case ITALIC: return on ? "3" : "23";
            case CROSSED_OUT: return on ? "9" : "29";
            default: return null;
        }
    }

    @Override
    public void resetColorAndSGR() {
        buf.append(CSI).append("0m");
        lastFg = null;
        lastBg = null;
    }

    @Override
    public void setForegroundColor(TextColor color) {
        String s = profile.sgr(color, true);
        if (s == null || s.equals(lastFg)) return;
        buf.append(CSI).append(s).append('m');
        lastFg = s;
    }

    @Override
    public void setBackgroundColor(TextColor color) {
        String s = profile.sgr(color, false);
        if (s == null || s.equals(lastBg)) return;
        buf.append(CSI).append(s).append('m');
        lastBg = s;
    }

    @Override
    public TerminalSize getTerminalSize() {
        return size.get();
    }

    @Override
    public byte[] enquireTerminal(int timeout, TimeUnit unit) {
        return new byte[0];
    }

    @Override
    public void bell() {
        buf.append('\007');
    }

    @Override
    public synchronized void flush() {
        if (buf.length() == 0) return;
        if (broken) {
            buf.setLength(0);
            return;
        }
        String payload = synchronizedOutput ? CSI + "?2026h" + buf + CSI + "?2026l" : buf.toString();
        buf.setLength(0);
        try {
            ByteBuffer bb = encoder.reset().encode(CharBuffer.wrap(payload));
            out.write(bb.array(), bb.arrayOffset() + bb.position(), bb.remaining());
            out.flush();
            bytesWritten.addAndGet(bb.remaining());
        } catch (IOException e) {
            broken = true;
        }
    }

    @Override
    public void close() {
        // the tty belongs to JLine; TerminalSession restores and closes it
    }

    @Override
    public KeyStroke pollInput() {
        return null;
    }

    @Override
    public KeyStroke readInput() {
        return null;
    }
}
