package io.alloytop.ui.term;

import org.jline.nativ.CLibrary;

/** The tty's termios exactly as found (speed included), through jline-native's tcgetattr/tcsetattr. */
final class NativeTermios {
    private final int fd;
    private final CLibrary.Termios termios;

    private NativeTermios(int fd, CLibrary.Termios termios) {
        this.fd = fd;
        this.termios = termios;
    }

    /** Null when the native library is unavailable or stdin is not a tty (then JLine's restore is all we have). */
    static NativeTermios save() {
        try {
            int fd = CLibrary.isatty(0) == 1 ? 0 : CLibrary.isatty(1) == 1 ? 1 : -1;
            if (fd < 0) return null;
            CLibrary.Termios t = new CLibrary.Termios();
            return CLibrary.tcgetattr(fd, t) == 0 ? new NativeTermios(fd, t) : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    void restore() {
        try {
            CLibrary.tcsetattr(fd, CLibrary.TCSANOW, termios);
        } catch (RuntimeException | LinkageError ignored) {
            // a hung-up tty: nothing left to restore
        }
    }
}
