package io.alloytop.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Reads text lines from an in-process feed that numbers them (the demo Alloy's log generator):
 * polls "lines after N" on its own thread, so nothing is missed or repeated however the feed's
 * producer is scheduled, and parses them like any other Alloy output.
 */
public final class PolledLineSource implements LogSource {
    /** One line of the feed; seq increases by one per line. */
    public record Line(long seq, Instant time, String text) {}

    private final String description;
    private final LongFunction<List<Line>> linesAfter;
    private final int backlog;
    private final boolean follow;
    private final Duration poll;
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param linesAfter the lines numbered above the argument, oldest first (0 = all it keeps)
     * @param backlog    how many of the already-kept lines to give first
     */
    public PolledLineSource(String description, LongFunction<List<Line>> linesAfter, int backlog, boolean follow,
                            Duration poll) {
        this.description = description;
        this.linesAfter = linesAfter;
        this.backlog = backlog;
        this.follow = follow;
        this.poll = poll;
    }

    @Override
    public void start(LogSink sink) {
        thread = new Thread(() -> run(sink), "alloytop-log-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LogSink sink) {
        Batcher batcher = new Batcher(sink);
        long last = 0;
        try {
            List<Line> first = linesAfter.apply(0);
            for (Line l : first.subList(Math.max(0, first.size() - backlog), first.size())) {
                batcher.add(LineParser.parse(l.text(), l.time(), null));
            }
            if (!first.isEmpty()) last = first.get(first.size() - 1).seq();
            batcher.flush();
            while (follow && !closed) {
                Thread.sleep(poll.toMillis());
                List<Line> more = linesAfter.apply(last);
                for (Line l : more) batcher.add(LineParser.parse(l.text(), l.time(), null));
                if (!more.isEmpty()) last = more.get(more.size() - 1).seq();
                batcher.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            sink.status(description + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true);
        } finally {
            sink.finished();
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
