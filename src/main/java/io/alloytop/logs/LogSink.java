package io.alloytop.logs;

import java.util.List;

/** Where a log source hands what it read; called from the source's own thread. */
public interface LogSink {
    void entries(List<LogEntry> batch);

    /** A state change worth showing ("journalctl not found: ...", "reconnecting"), error or not. */
    void status(String message, boolean error);
}
