package io.alloytop.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A sink that keeps everything a source hands over, for tests. */
final class Collector implements LogSink {
    private final List<LogEntry> entries = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public synchronized void entries(List<LogEntry> batch) {
        entries.addAll(batch);
        notifyAll();
    }

    @Override
    public synchronized void status(String message, boolean error) {
        statuses.add((error ? "error: " : "") + message);
        notifyAll();
    }

    @Override
    public void finished() {
        finished.countDown();
    }

    synchronized List<LogEntry> entries() {
        return new ArrayList<>(entries);
    }

    synchronized List<String> statuses() {
        return new ArrayList<>(statuses);
    }

    /** Waits until at least n entries pass the predicate; returns them. */
    synchronized List<LogEntry> await(Predicate<LogEntry> p, int n, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            List<LogEntry> got = entries.stream().filter(p).toList();
            if (got.size() >= n) return got;
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("got " + got.size() + " of " + n + " entries; statuses " + statuses
                    + "; all: " + entries.stream().map(LogEntry::message).map(m -> m.length() > 60 ? m.substring(0, 60) : m).toList());
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
