package io.alloytop.ui.term;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The tty, owned by JLine through its JNI provider (no stty child processes, size by ioctl).
 * {@link #restore()} puts everything back — raw mode off, alternate screen left, cursor shown,
 * mouse and synchronized output off, attributes reset — exactly once, from whichever path gets
 * there first: q, a signal, a shutdown hook or an uncaught exception. It never throws and never
 * waits long on a terminal that has gone away (SSH drop).
 */
public final class TerminalSession {
    /** Written on restore; harmless on terminals that never saw the matching "on" sequences. */
    static final String RESET = "\033[?2026l\033[0m\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?25h\033[?1049l";

    private final Terminal terminal;
    private final Attributes saved;
    private final NativeTermios exact;
    private final AtomicBoolean restored = new AtomicBoolean();

    private TerminalSession(Terminal terminal, Attributes saved, NativeTermios exact) {
        this.terminal = terminal;
        this.saved = saved;
        this.exact = exact;
    }

    /** Opens the system terminal; null when it is not a capable tty (dumb, or not a terminal). */
    public static TerminalSession open() throws IOException {
        // JLine's Attributes do not carry the line speed, and building the terminal already writes
        // them back, so restoring through JLine alone changes `stty -g`: keep the exact termios first
        NativeTermios exact = NativeTermios.save();
        TerminalInfo.await();
        // graphemeCluster(false): JLine 4 otherwise asks the terminal about mode 2027 and waits up to
        // 100 ms for an answer that tmux and most terminals never send (a tenth of a second of every
        // start), and Lanterna measures widths per character anyway, so the mode must stay off
        Terminal t = TerminalBuilder.builder().system(true).provider("jni").nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_DFL).dumb(true).graphemeCluster(false).build();
        String type = t.getType() == null ? "" : t.getType();
        if (type.startsWith(Terminal.TYPE_DUMB)) {
            t.close();
            if (exact != null) exact.restore();
            return null;
        }
        Attributes saved = t.getAttributes();
        t.enterRawMode();
        Attributes raw = t.getAttributes();
        // Ctrl-C and Ctrl-Z arrive as keys: q-like quit, and no suspend that would leave the screen half-set
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        raw.setInputFlag(Attributes.InputFlag.IXON, false);
        // a read waits for one byte, however long: keys are read blocking (TtyInput), not polled
        raw.setControlChar(Attributes.ControlChar.VMIN, 1);
        raw.setControlChar(Attributes.ControlChar.VTIME, 0);
        t.setAttributes(raw);
        return new TerminalSession(t, saved, exact);
    }

    public Terminal jline() {
        return terminal;
    }

    public OutputStream output() {
        return terminal.output();
    }

    public Size size() {
        Size s = terminal.getSize();
        if (s == null || s.getColumns() <= 0 || s.getRows() <= 0) return new Size(80, 24);
        return s;
    }

    public void onSignal(Terminal.Signal signal, Runnable r) {
        terminal.handle(signal, sig -> r.run());
    }

    /** Idempotent; safe from any thread, including a shutdown hook. */
    public void restore() {
        if (!restored.compareAndSet(false, true)) return;
        // Straight to file descriptor 1, not through JLine's stream: on SIGTERM JLine's own shutdown
        // hook may already have closed that stream, and the alternate screen would stay up.
        try {
            FileOutputStream fd1 = new FileOutputStream(FileDescriptor.out);
            fd1.write(RESET.getBytes(StandardCharsets.US_ASCII));
            fd1.flush();
        } catch (IOException | RuntimeException ignored) {
            // the terminal is gone (hang-up): nothing to restore on screen
        }
        try {
            terminal.setAttributes(saved);
        } catch (RuntimeException ignored) {
            // same: a vanished tty cannot take attributes
        }
        try {
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort
        }
        if (exact != null) exact.restore();
    }

    public boolean restored() {
        return restored.get();
    }
}
