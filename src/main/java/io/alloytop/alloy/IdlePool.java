package io.alloytop.alloy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Pools of daemon threads that exit once idle. The client's helpers (module walk, concurrent
 * fetches, scrape details) are needed for a moment every few seconds at most, and a parked thread
 * still holds about 100 KB of stack and VM state: eleven of them were 1 MB of the UI's 64 MB.
 */
public final class IdlePool {
    /** Shorter than the scrape-detail refresh (10 s), so its threads do not stay between refreshes. */
    static final long KEEP_ALIVE_MS = 5_000;

    private IdlePool() {}

    public static ExecutorService of(int threads, String name) {
        return of(threads, name, KEEP_ALIVE_MS);
    }

    static ThreadPoolExecutor of(int threads, String name, long keepAliveMs) {
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, keepAliveMs, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemon(name));
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** Named daemon threads, for these pools and the app's other single-purpose executors. */
    public static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
