package io.alloytop.pprof;

import io.alloytop.alloy.IdlePool;
import io.alloytop.alloy.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One capture running off the caller's thread: progress ticks while the server records, then a
 * single {@link CaptureEvent.Finished}. {@link #cancel()} aborts the HTTP call, which also ends
 * the recording in Alloy (Go stops a CPU profile when its client goes away).
 */
public final class ProfileCapture {
    static final Duration TICK = Duration.ofMillis(250);

    private final ProfileFetcher.Pending pending;
    private final CompletableFuture<Result<CapturedProfile>> result = new CompletableFuture<>();
    private final ScheduledExecutorService ticker;

    private ProfileCapture(ProfileFetcher.Pending pending, ScheduledExecutorService ticker) {
        this.pending = pending;
        this.ticker = ticker;
    }

    /**
     * Starts capturing; {@code seconds} is ignored for instant profiles. The listener is called
     * from capture threads, never concurrently, and must not block.
     */
    public static ProfileCapture start(ProfileFetcher fetcher, String host, ProfileType type, int seconds, Clock clock,
                                       Consumer<CaptureEvent> listener) {
        ProfileFetcher.Pending pending = fetcher.prepare(type, seconds);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                IdlePool.daemon("alloytop-profile-" + type.id()));
        ProfileCapture c = new ProfileCapture(pending, ticker);
        Instant start = clock.instant();
        Duration total = type.timed() ? Duration.ofSeconds(seconds) : Duration.ZERO;
        Object lock = new Object();
        boolean[] finished = {false}; // guarded by lock
        if (type.timed()) {
            ticker.scheduleAtFixedRate(() -> {
                synchronized (lock) {
                    if (finished[0]) return;
                    Duration elapsed = Duration.between(start, clock.instant());
                    if (elapsed.compareTo(total) > 0) elapsed = total;
                    listener.accept(new CaptureEvent.Progress(type, elapsed, total));
                }
            }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        Thread worker = new Thread(() -> {
            Result<byte[]> r = pending.execute();
            Result<CapturedProfile> done = r.map(bytes -> new CapturedProfile(type, host, start, bytes));
            ticker.shutdownNow();
            // Finished reaches the listener before the future completes, so awaiting code sees every event.
            try {
                synchronized (lock) {
                    finished[0] = true;
                    listener.accept(new CaptureEvent.Finished(type, done));
                }
            } finally {
                c.result.complete(done);
            }
        }, "alloytop-profile-fetch-" + type.id());
        worker.setDaemon(true);
        worker.start();
        return c;
    }

    public void cancel() {
        pending.cancel();
    }

    public boolean isDone() {
        return result.isDone();
    }

    public CompletableFuture<Result<CapturedProfile>> result() {
        return result;
    }

    /** Blocks until the capture ends; for the CLI, never for a UI thread. */
    public Result<CapturedProfile> await() throws InterruptedException {
        try {
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** For tests and shutdown: whether the ticker thread has stopped. */
    boolean tickerStopped() {
        return ticker.isShutdown();
    }
}
