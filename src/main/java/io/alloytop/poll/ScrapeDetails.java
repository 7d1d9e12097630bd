package io.alloytop.poll;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.IdlePool;
import io.alloytop.alloy.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Scrape target health (up/down, last error) is only in a prometheus.scrape component's detail
 * (debugInfo), never in the component list or /metrics. This fetches those details, a few at a
 * time and at most {@code max} of them, and substitutes them into a snapshot's component list so
 * the problem rules see the targets. A target's health only changes when Prometheus-style scraping
 * runs (every 15 s or more, typically 60 s), so the details are asked for again only once
 * {@code refreshEvery} has passed by the snapshots' clock, or when a scrape component appears that
 * was not asked about; in between they are reused. (Asking every poll doubled the requests of each
 * poll, and with them the monitor's CPU, for nothing new.)
 *
 * <p>Blocking (up to about one client timeout per {@code parallel} details, capped by
 * {@code budget}): call it on the poller's thread, never the UI's. Not thread-safe.
 */
public final class ScrapeDetails implements AutoCloseable {
    public static final String SCRAPE = "prometheus.scrape";
    public static final int DEFAULT_MAX = 32;
    public static final int DEFAULT_PARALLEL = 4;
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

    private final AlloyApi api;
    private final Duration refreshEvery;
    private final int max;
    private final Duration budget;
    private final ExecutorService pool;
    private final Map<String, Component> cache = new HashMap<>();
    private Set<String> asked = Set.of();
    private Instant lastRefresh;

    /**
     * @param refreshEvery ask again once this much snapshot time has passed (zero: every poll)
     * @param max     at most this many scrape components are asked about (sorted by ID)
     * @param parallel concurrent detail requests
     * @param budget  give up waiting for the rest after this long; late answers are dropped
     */
    public ScrapeDetails(AlloyApi api, Duration refreshEvery, int max, int parallel, Duration budget) {
        this.api = api;
        this.refreshEvery = refreshEvery;
        this.max = Math.max(0, max);
        this.budget = budget;
        this.pool = IdlePool.of(Math.max(1, parallel), "alloytop-scrape-details");
    }

    public static ScrapeDetails defaults(AlloyApi api) {
        return new ScrapeDetails(api, DEFAULT_REFRESH, DEFAULT_MAX, DEFAULT_PARALLEL, Duration.ofSeconds(10));
    }

    /** The snapshot with the scrape components' details filled in (fetched now or reused). */
    public AlloySnapshot apply(AlloySnapshot s) {
        if (!s.reachable() || s.components().isEmpty()) return s;
        List<Component> scrapes = s.components().stream().filter(c -> c.name().equals(SCRAPE))
                .sorted(Comparator.comparing(Component::globalID)).limit(max).collect(Collectors.toList());
        if (scrapes.isEmpty()) return s;
        Set<String> present = scrapes.stream().map(Component::globalID).collect(Collectors.toSet());
        boolean due = lastRefresh == null || s.at() == null || !asked.containsAll(present)
                || Duration.between(lastRefresh, s.at()).compareTo(refreshEvery) >= 0;
        if (due) {
            refresh(scrapes);
            asked = present;
            lastRefresh = s.at();
        }
        cache.keySet().retainAll(present);
        if (cache.isEmpty()) return s;
        List<Component> out = new ArrayList<>(s.components().size());
        for (Component c : s.components()) {
            Component d = cache.get(c.globalID());
            out.add(d == null ? c : merged(c, d));
        }
        return new AlloySnapshot(s.at(), s.target(), s.failure(), s.lastGoodAt(), s.version(), s.isAlloy(), s.ready(),
                s.startEpochSeconds(), s.config(), List.copyOf(out), s.componentsFailure(), s.stats(), s.history(),
                s.metrics(), s.restarts());
    }

    private void refresh(List<Component> scrapes) {
        Map<String, CompletableFuture<Result<Component>>> calls = new LinkedHashMap<>();
        for (Component c : scrapes) {
            calls.put(c.globalID(), CompletableFuture.supplyAsync(() -> api.component(c.globalID()), pool));
        }
        try {
            CompletableFuture.allOf(calls.values().toArray(new CompletableFuture[0]))
                    .get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // take what has answered; the rest counts as "no evidence" this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Map.Entry<String, CompletableFuture<Result<Component>>> e : calls.entrySet()) {
            CompletableFuture<Result<Component>> f = e.getValue();
            Result<Component> r = f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
            if (r != null && r.isOk()) {
                cache.put(e.getKey(), r.orNull());
            } else {
                f.cancel(true);
                cache.remove(e.getKey()); // stale target health would keep reporting a recovered target
            }
        }
    }

    /** The list's health is newer than a reused detail's; the detail only contributes its bodies. */
    private static Component merged(Component listed, Component detail) {
        return new Component(listed.name(), listed.localID(), listed.moduleID(), listed.label(), listed.referencesTo(),
                listed.referencedBy(), listed.dataFlowEdgesTo(), listed.health(), detail.arguments(), detail.exports(),
                detail.debugInfo(), listed.createdModuleIDs(), listed.liveDebuggingEnabled());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
