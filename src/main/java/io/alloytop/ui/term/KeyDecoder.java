package io.alloytop.ui.term;

import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.Key.Kind;
import java.io.IOException;

/**
 * Turns the bytes of a raw-mode tty into keys: VT/xterm CSI and SS3 sequences, a lone ESC told
 * apart from an escape sequence by a short timeout, and the answer to our DECRQM 2026 query
 * (synchronized output). Mouse reports are swallowed (mouse is off unless --mouse).
 */
public final class KeyDecoder {
    /** A character source with a timeout: -2 on timeout, -1 at end of input. */
    public interface Source {
        int read(long timeoutMillis) throws IOException;
    }

    public static final int TIMEOUT = -2;
    public static final int EOF = -1;

    /** What one call to {@link #next} produced. */
    public sealed interface Decoded {
        record Pressed(Key key) implements Decoded {}

        record SyncOutputReport(boolean supported) implements Decoded {}

        record Ignored() implements Decoded {}

        record End() implements Decoded {}
    }

    private final Source in;
    private final long escTimeoutMillis;

    public KeyDecoder(Source in, long escTimeoutMillis) {
        this.in = in;
        this.escTimeoutMillis = escTimeoutMillis;
    }

    /** Blocks up to {@code timeoutMillis} for the first character; null when nothing came. */
    public Decoded next(long timeoutMillis) throws IOException {
        int c = in.read(timeoutMillis);
        if (c == TIMEOUT) return null;
        if (c == EOF) return new Decoded.End();
        return decode(c);
    }

    private Decoded decode(int c) throws IOException {
        switch (c) {
            case 27: return escape();
            case '\r':
            case '\n': return key(Kind.ENTER);
            case '\t': return key(Kind.TAB);
            case 127:
            case 8: return key(Kind.BACKSPACE);
            default:
                if (c < 32) return new Decoded.Pressed(Key.ctrl((char) ('a' + c - 1)));
                return new Decoded.Pressed(Key.ch((char) c));
        }
    }

    private Decoded escape() throws IOException {
        int c = in.read(escTimeoutMillis);
        if (c == TIMEOUT || c == EOF) return key(Kind.ESC);
        if (c == '[') return csi();
        if (c == 'O') {
            int f = in.read(escTimeoutMillis);
            switch (f) {
                case 'A': return key(Kind.UP);
                case 'B': return key(Kind.DOWN);
                case 'C': return key(Kind.RIGHT);
                case 'D': return key(Kind.LEFT);
                case 'H': return key(Kind.HOME);
                case 'F': return key(Kind.END);
                case 'P': return key(Kind.F1);
                default: return new Decoded.Ignored();
            }
        }
        if (c == 27) return key(Kind.ESC);
        if (c < 32 || c == 127) return new Decoded.Ignored();
        return new Decoded.Pressed(new Key(Kind.CHAR, (char) c, false, true));
    }

    private Decoded csi() throws IOException {
        StringBuilder params = new StringBuilder();
        int f;
        while (true) {
            f = in.read(escTimeoutMillis);
            if (f == TIMEOUT || f == EOF) return new Decoded.Ignored();
            if (f >= 0x40 && f <= 0x7e) break;
            params.append((char) f);
            if (params.length() > 32) return new Decoded.Ignored();
        }
        String p = params.toString();
        if (f == 'M' || f == 'm') {
            // X10 mouse sends 3 raw bytes after CSI M; SGR mouse is all in the parameters
            if (f == 'M' && p.isEmpty()) for (int i = 0; i < 3; i++) in.read(escTimeoutMillis);
            // with --mouse, the wheel scrolls (SGR encoding: button 64 up, 65 down); clicks are ignored
            if (f == 'M' && p.startsWith("<64;")) return key(Kind.UP);
            if (f == 'M' && p.startsWith("<65;")) return key(Kind.DOWN);
            return new Decoded.Ignored();
        }
        if (f == 'y' && p.startsWith("?2026;")) {
            // DECRPM: 1 set, 2 reset (both mean "supported"), 0 unknown, 4 permanently reset
            String v = p.substring(6).replace("$", "");
            return new Decoded.SyncOutputReport(v.equals("1") || v.equals("2"));
        }
        switch (f) {
            case 'A': return key(Kind.UP);
            case 'B': return key(Kind.DOWN);
            case 'C': return key(Kind.RIGHT);
            case 'D': return key(Kind.LEFT);
            case 'H': return key(Kind.HOME);
            case 'F': return key(Kind.END);
            case 'Z': return key(Kind.BACKTAB);
            case '~': {
                String n = p.contains(";") ? p.substring(0, p.indexOf(';')) : p;
                switch (n) {
                    case "1":
                    case "7": return key(Kind.HOME);
                    case "4":
                    case "8": return key(Kind.END);
                    case "3": return key(Kind.DELETE);
                    case "5": return key(Kind.PAGE_UP);
                    case "6": return key(Kind.PAGE_DOWN);
                    case "11": return key(Kind.F1);
                    default: return new Decoded.Ignored();
                }
            }
            default: return new Decoded.Ignored();
        }
    }

    private static Decoded key(Kind k) {
        return new Decoded.Pressed(Key.of(k));
    }
}
