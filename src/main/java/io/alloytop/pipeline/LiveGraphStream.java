package io.alloytop.pipeline;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows {ui}/api/v0/web/graph?window=N on its own daemon thread and keeps the latest per-edge
 * rates. Alloy answers 500 while livedebugging is off (asked again every minute, since a reload can
 * turn it on) and its web UI's HTML when it is older than 1.8 (then it stops asking).
 */
public final class LiveGraphStream implements AutoCloseable {
    private static final Duration RETRY_DISABLED = Duration.ofMinutes(1);

    private final AlloyApi api;
    private final int windowSeconds;
    private final AtomicReference<LiveGraph> latest = new AtomicReference<>(new LiveGraph(
            LiveGraph.Status.CONNECTING, Map.of(), ""));
    private final Thread thread;
    private volatile boolean closed;

    public LiveGraphStream(AlloyApi api) {
        this(api, 5);
    }

    /** @param windowSeconds Alloy's averaging window, 1 to 60 */
    public LiveGraphStream(AlloyApi api, int windowSeconds) {
        this.api = api;
        this.windowSeconds = windowSeconds;
        this.thread = new Thread(this::run, "alloytop-live-graph");
        this.thread.setDaemon(true);
    }

    public LiveGraphStream start() {
        thread.start();
        return this;
    }

    public LiveGraph latest() {
        return latest.get();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(2);
        while (!closed) {
            Result<InputStream> r = api.openWebStream("graph?window=" + windowSeconds,
                    Duration.ofSeconds(windowSeconds * 3L));
            Failure f = r.failureOrNull();
            if (f != null) {
                String msg = f.message() == null ? "" : f.message();
                if (f.kind() == Failure.Kind.NOT_SUPPORTED || msg.contains("does not serve")) {
                    latest.set(new LiveGraph(LiveGraph.Status.UNSUPPORTED, Map.of(), msg));
                    return;
                }
                if (msg.contains("live debugging service is disabled")) {
                    latest.set(new LiveGraph(LiveGraph.Status.DISABLED, Map.of(), msg));
                    if (!pause(RETRY_DISABLED)) return;
                    continue;
                }
                latest.set(new LiveGraph(LiveGraph.Status.FAILED, Map.of(), msg));
                if (!pause(backoff)) return;
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0
                        ? Duration.ofSeconds(60) : backoff.multipliedBy(2);
                continue;
            }
            backoff = Duration.ofSeconds(2);
            read(r.orNull());
        }
    }

    private void read(InputStream in) {
        LiveGraphParser parser = new LiveGraphParser("");
        byte[] buf = new byte[16 * 1024];
        try (in) {
            int n;
            while (!closed && (n = in.read(buf)) >= 0) {
                if (looksLikeHtml(buf, n) && parser.edgeRates().isEmpty()) {
                    latest.set(new LiveGraph(LiveGraph.Status.UNSUPPORTED, Map.of(), "answered with the web UI page"));
                    closed = true;
                    return;
                }
                if (parser.feed(buf, 0, n)) latest.set(new LiveGraph(LiveGraph.Status.LIVE, parser.edgeRates(), ""));
            }
        } catch (IOException e) {
            if (!closed) {
                latest.set(new LiveGraph(LiveGraph.Status.FAILED, Map.of(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
    }

    private static boolean looksLikeHtml(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t') continue;
            return b[i] == '<';
        }
        return false;
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // The reader closes its own stream: okio's timeouts forbid closing it from another thread.
        // It notices within one window (Alloy writes every window), or at the read timeout.
        closed = true;
        thread.interrupt();
    }
}
