package io.alloytop.ui.term;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Keys from the tty that JLine has put in raw mode, read with a plain blocking read. JLine's own
 * timed reads set VMIN=0/VTIME=1 and poll every 100 ms even while nobody types: ten wake-ups a
 * second, an eighth of the idle monitor's CPU. Here an idle keyboard costs nothing; only the
 * few milliseconds after an ESC (is it a lone Esc or a sequence?) are polled.
 */
public final class TtyInput implements KeyDecoder.Source {
    /** A timeout at least this long means "wait for the next key, however long". */
    public static final long BLOCK = Long.MAX_VALUE;

    private final Reader in;

    public TtyInput(Charset charset) {
        this.in = new InputStreamReader(new FileInputStream(FileDescriptor.in), charset);
    }

    @Override
    public int read(long timeoutMillis) throws IOException {
        if (timeoutMillis == BLOCK) return in.read();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!in.ready()) {
            if (System.nanoTime() - deadline >= 0) return KeyDecoder.TIMEOUT;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return KeyDecoder.TIMEOUT;
            }
        }
        return in.read();
    }
}
