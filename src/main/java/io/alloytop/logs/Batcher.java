package io.alloytop.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers entries into batches for a sink: a batch goes out when the input has nothing more ready,
 * when it is large, or when it has waited long enough, so a burst costs one hand-over per
 * thousand lines and a trickle still shows at once. Used by one source thread.
 */
final class Batcher {
    static final int MAX_BATCH = 1000;
    private static final long MAX_WAIT_NANOS = 50_000_000L;

    private final LogSink sink;
    private List<LogEntry> batch = new ArrayList<>();
    private long firstAt;

    Batcher(LogSink sink) {
        this.sink = sink;
    }

    void add(List<LogEntry> entries) {
        if (batch.isEmpty()) firstAt = System.nanoTime();
        batch.addAll(entries);
    }

    void add(LogEntry entry) {
        if (batch.isEmpty()) firstAt = System.nanoTime();
        batch.add(entry);
    }

    /** Sends the batch if the input is idle, the batch is full or old. */
    void maybeFlush(boolean moreReady) {
        if (batch.isEmpty()) return;
        if (!moreReady || batch.size() >= MAX_BATCH || System.nanoTime() - firstAt >= MAX_WAIT_NANOS) flush();
    }

    void flush() {
        if (batch.isEmpty()) return;
        List<LogEntry> out = batch;
        batch = new ArrayList<>();
        sink.entries(out);
    }
}
