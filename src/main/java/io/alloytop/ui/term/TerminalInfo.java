package io.alloytop.ui.term;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.utils.InfoCmp;

/**
 * JLine asks `infocmp -x $TERM` for the terminal's capabilities every time a terminal is built: a
 * child process, 10-20 ms of the first frame. {@link #prefetch} starts that on another thread while
 * the command line is still being parsed; JLine then finds the answer in its cache.
 */
public final class TerminalInfo {
    private static volatile CompletableFuture<Void> pending;

    private TerminalInfo() {}

    public static void prefetch(String term) {
        if (term == null || term.isBlank() || term.startsWith("dumb")) return;
        pending = CompletableFuture.runAsync(() -> {
            try {
                InfoCmp.getInfoCmp(term);
            } catch (Exception ignored) {
                // no terminfo entry: JLine tries again itself and falls back to its built-in ones
            }
        }, r -> {
            Thread t = new Thread(r, "alloytop-terminfo");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits (briefly) for a prefetch, so JLine reads its cache after the write: a happens-before edge. */
    static void await() {
        CompletableFuture<Void> p = pending;
        if (p == null) return;
        try {
            p.get(500, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // slow or failed: JLine runs infocmp itself, as it would have anyway
        }
    }
}
