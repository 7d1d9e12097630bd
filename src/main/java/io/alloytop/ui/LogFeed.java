package io.alloytop.ui;

import io.alloytop.logs.LogSource;

/**
 * Where the logs pane's lines come from: a source the cli chose (journal, gatewayd, file, the demo)
 * and the ring size; or none, with the reason to show in the pane instead.
 */
public record LogFeed(LogSource source, int ring, String note) {
    public static LogFeed none(String why) {
        return new LogFeed(null, 1, why);
    }
}
