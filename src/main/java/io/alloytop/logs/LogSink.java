package io.alloytop.logs;

import java.util.List;

/** Where a log source hands what it read; called from the source's own thread. */
public interface LogSink {
    void entries(List<LogEntry> batch);

    /** A state change worth showing ("journalctl not found: ...", "reconnecting"), error or not. */
    void status(String message, boolean error);

    /**
     * The source has nothing more to give: a one-shot read reached its end, or the source gave up.
     * Called once, after the last batch. Added for `alloytop logs` without -f.
     */
    default void finished() {}
}
