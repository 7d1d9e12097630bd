package io.alloytop.poll;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.IdlePool;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls Alloy on its own thread every interval and hands immutable {@link AlloySnapshot}s to a
 * consumer. /metrics, the component list and /-/ready are fetched concurrently while Alloy is slow
 * or failing, so such a poll takes about one timeout, and in turn while it is quick (see
 * {@link #fetch()}). While Alloy is down or not Alloy the poller backs off exponentially (up to
 * {@link #MAX_BACKOFF} or the interval, whichever is longer) so a struggling Alloy is not hammered;
 * {@link #refreshNow()} polls at once regardless. The consumer is called on the poller thread;
 * a UI hands the snapshot over to its own event queue.
 */
public final class Poller implements AutoCloseable {
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final AlloyApi api;
    private final Clock clock;
    private final Consumer<AlloySnapshot> sink;
    private final ProcStats proc;
    private final SnapshotAssembler assembler;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService fetchers;

    /** A whole fetch quicker than this is worth doing on one thread (see {@link #fetch()}). */
    static final long SEQUENTIAL_BELOW_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private volatile Duration interval;
    private volatile long lastFetchNanos = Long.MAX_VALUE;
    private volatile int consecutiveFailures;
    private volatile Duration lastDelay;
    private ScheduledFuture<?> pending; // touched only on the scheduler thread
    private volatile boolean closed;

    public Poller(AlloyApi api, Clock clock, Duration interval, boolean localTarget, Consumer<AlloySnapshot> sink) {
        this(api, clock, interval, localTarget, sink, new ProcStats());
    }

    public Poller(AlloyApi api, Clock clock, Duration interval, boolean localTarget, Consumer<AlloySnapshot> sink,
                  ProcStats proc) {
        this.api = Objects.requireNonNull(api);
        this.clock = Objects.requireNonNull(clock);
        this.interval = positive(interval);
        this.sink = Objects.requireNonNull(sink);
        this.proc = proc;
        this.assembler = new SnapshotAssembler(api.baseUrl(), localTarget);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(IdlePool.daemon("alloytop-poller"));
        this.fetchers = IdlePool.of(3, "alloytop-fetch");
    }

    /** 127.0.0.1, localhost and ::1: only then do host CPU and memory from /proc describe Alloy's host. */
    public static boolean isLocalTarget(String baseUrl) {
        try {
            String host = URI.create(baseUrl.contains("://") ? baseUrl : "http://" + baseUrl).getHost();
            if (host == null) return false;
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.equals("::1") || host.equals("[::1]")
                    || host.startsWith("127.");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Backoff after {@code failures} consecutive failed polls: interval, 2x, 4x ... capped. */
    public static Duration backoff(Duration interval, int failures) {
        if (failures <= 0) return interval;
        Duration cap = interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
        Duration d = interval;
        for (int i = 1; i < failures && d.compareTo(cap) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    public void start() {
        scheduler.execute(this::runAndReschedule);
    }

    /** Polls as soon as the poller thread is free, then carries on at the interval (or backoff). */
    public void refreshNow() {
        if (closed) return;
        scheduler.execute(this::runAndReschedule);
    }

    public void setInterval(Duration d) {
        interval = positive(d);
        refreshNow();
    }

    public Duration interval() {
        return interval;
    }

    /** The delay chosen after the last poll; for status lines ("retrying in 8s") and tests. */
    public Duration lastDelay() {
        return lastDelay;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /**
     * Fetches /metrics, the component list and /-/ready. The first fetch, and any after a slow or
     * failed one, runs the three concurrently so that a poll takes about one timeout at most. While
     * Alloy answers quickly they run one after another on the calling thread: on an idle host,
     * waking three threads every interval cost more CPU than the requests.
     */
    public Fetch fetch() {
        long t0 = System.nanoTime();
        Fetch f = lastFetchNanos < SEQUENTIAL_BELOW_NANOS ? sequential() : concurrent();
        boolean ok = f.metrics().isOk() && f.components().isOk() && f.ready().isOk();
        lastFetchNanos = ok ? System.nanoTime() - t0 : Long.MAX_VALUE;
        return f;
    }

    private Fetch concurrent() {
        CompletableFuture<Result<MetricsSnapshot>> m = async(api::metrics);
        CompletableFuture<Result<List<Component>>> c = async(api::allComponents);
        CompletableFuture<Result<Boolean>> r = async(api::ready);
        return new Fetch(m.join(), c.join(), r.join());
    }

    /** In turn; a stall met here costs at most two timeouts, as the rest then run together. */
    private Fetch sequential() {
        Result<MetricsSnapshot> m = guarded(api::metrics);
        if (!m.isOk()) {
            CompletableFuture<Result<List<Component>>> c = async(api::allComponents);
            CompletableFuture<Result<Boolean>> r = async(api::ready);
            return new Fetch(m, c.join(), r.join());
        }
        Result<List<Component>> c = guarded(api::allComponents);
        return new Fetch(m, c, guarded(api::ready));
    }

    private <T> CompletableFuture<Result<T>> async(Supplier<Result<T>> call) {
        return CompletableFuture.supplyAsync(() -> guarded(call), fetchers);
    }

    private static <T> Result<T> guarded(Supplier<Result<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return Result.err(Failure.Kind.IO, "internal error while polling: " + e);
        }
    }

    /** Folds a fetch into the history at the clock's current time. */
    public synchronized AlloySnapshot absorb(Fetch f) {
        ProcStats.HostSample host = proc == null ? null : proc.host();
        ProcStats.SelfSample self = proc == null ? null : proc.self();
        return assembler.assemble(clock.instant(), f, host, self);
    }

    /** One synchronous poll (for `check` and tests); the scheduled loop uses the same path. */
    public AlloySnapshot pollOnce() {
        return absorb(fetch());
    }

    private void runAndReschedule() {
        if (closed) return;
        if (pending != null) pending.cancel(false);
        AlloySnapshot s;
        try {
            s = pollOnce();
        } catch (RuntimeException e) {
            s = null; // never let one bad poll end the loop
        }
        if (s != null) {
            consecutiveFailures = s.failure() == null ? 0 : consecutiveFailures + 1;
            try {
                sink.accept(s);
            } catch (RuntimeException ignored) {
                // the consumer's problem must not stop polling
            }
        } else {
            consecutiveFailures++;
        }
        Duration next = backoff(interval, consecutiveFailures);
        lastDelay = next;
        if (!closed) pending = scheduler.schedule(this::runAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        fetchers.shutdownNow();
    }

    private static Duration positive(Duration d) {
        return d == null || d.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : d;
    }

}
