package io.alloytop.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScrapeDetailsTest {
    /** Answers details with a debugInfo naming the component; counts calls and the most concurrent ones. */
    static final class Api implements AlloyApi {
        final Map<String, Integer> calls = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        volatile long delayMillis = 20;

        @Override
        public Result<Component> component(String id) {
            calls.merge(id, 1, Integer::sum);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            if (failing.contains(id)) return Result.err(Failure.Kind.IO, "boom");
            try {
                return Result.ok(new Component("prometheus.scrape", id, "", "", null, null, null,
                        new Health(HealthState.UNHEALTHY, "stale health from the detail", ""), null, null,
                        new ObjectMapper().readTree("[{\"name\":\"target\",\"body\":[{\"name\":\"url\",\"value\":{\"value\":\""
                                + id + "\"}}]}]"), null, false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override public Result<List<Component>> allComponents() { return Result.err(Failure.Kind.IO, "unused"); }
        @Override public Result<MetricsSnapshot> metrics() { return Result.err(Failure.Kind.IO, "unused"); }
        @Override public Result<Boolean> ready() { return Result.ok(true); }
        @Override public Result<String> reload() { return Result.err(Failure.Kind.IO, "unused"); }
        @Override public Result<byte[]> getBytes(String path, Duration t) { return Result.err(Failure.Kind.IO, "unused"); }
        @Override public String baseUrl() { return "http://127.0.0.1:1"; }
        @Override public void close() {}
    }

    static AlloySnapshot snapshot(int scrapes) {
        return snapshot(scrapes, Instant.EPOCH);
    }

    static AlloySnapshot snapshot(int scrapes, Instant at) {
        List<Component> cs = new ArrayList<>();
        for (int i = 0; i < scrapes; i++) {
            cs.add(new Component("prometheus.scrape", "prometheus.scrape.s" + (100 + i), "", "s" + (100 + i), null, null,
                    null, new Health(HealthState.HEALTHY, "", ""), null, null, null, null, false));
        }
        cs.add(new Component("loki.write", "loki.write.x", "", "x", null, null, null, null, null, null, null, null, false));
        return new AlloySnapshot(at, "t", null, at, "v1", true, true, 0, null, cs, null,
                Stats.UNKNOWN, Map.of(), null, 0);
    }

    @Test
    void fillsDebugInfoKeepsTheListsHealthAndLeavesOtherComponentsAlone() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, Duration.ofSeconds(10), 32, 4, Duration.ofSeconds(5))) {
            AlloySnapshot out = d.apply(snapshot(3));
            Component c = out.components().get(0);
            assertEquals("prometheus.scrape.s100", c.debugInfo().get(0).path("body").get(0).path("value").path("value").asText());
            assertEquals(HealthState.HEALTHY, c.health().state(), "the list's health is newer than the detail's");
            assertNull(out.components().get(3).debugInfo());
            assertEquals(Set.of("prometheus.scrape.s100", "prometheus.scrape.s101", "prometheus.scrape.s102"), api.calls.keySet());
        }
    }

    @Test
    void manyScrapesAreBoundedConcurrencyLimitedAndReusedUntilTheRefreshIsDue() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, Duration.ofSeconds(10), 12, 4, Duration.ofSeconds(10))) {
            AlloySnapshot out = d.apply(snapshot(20, Instant.EPOCH));
            assertEquals(12, api.calls.size(), "at most max components are asked about");
            assertTrue(api.maxInFlight.get() <= 4, "concurrency " + api.maxInFlight.get());
            long filled = out.components().stream().filter(c -> c.debugInfo() != null).count();
            assertEquals(12, filled);
            d.apply(snapshot(20, Instant.EPOCH.plusSeconds(2)));
            AlloySnapshot reused = d.apply(snapshot(20, Instant.EPOCH.plusSeconds(8)));
            assertEquals(12, api.calls.values().stream().mapToInt(Integer::intValue).sum(), "reused before 10 s");
            assertEquals(12, reused.components().stream().filter(c -> c.debugInfo() != null).count());
            AlloySnapshot again = d.apply(snapshot(20, Instant.EPOCH.plusSeconds(10)));
            assertEquals(24, api.calls.values().stream().mapToInt(Integer::intValue).sum(), "refreshed after 10 s");
            assertEquals(12, again.components().stream().filter(c -> c.debugInfo() != null).count());
        }
    }

    @Test
    void aNewScrapeComponentIsAskedAboutAtOnceAndAFailedDetailIsNotReusedStale() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, Duration.ofSeconds(10), 32, 4, Duration.ofSeconds(5))) {
            d.apply(snapshot(2, Instant.EPOCH));
            AlloySnapshot grown = d.apply(snapshot(3, Instant.EPOCH.plusSeconds(2)));
            assertEquals(1, api.calls.get("prometheus.scrape.s102"), "a new scrape component does not wait for the refresh");
            assertTrue(grown.components().get(2).debugInfo() != null);
            api.failing.add("prometheus.scrape.s100");
            AlloySnapshot out = d.apply(snapshot(3, Instant.EPOCH.plusSeconds(12)));
            assertEquals(3, api.calls.get("prometheus.scrape.s100"));
            assertNull(out.components().get(0).debugInfo(), "no evidence beats stale evidence");
            assertTrue(out.components().get(1).debugInfo() != null);
        }
    }

    @Test
    void zeroRefreshAsksEveryPoll() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, Duration.ZERO, 32, 4, Duration.ofSeconds(5))) {
            d.apply(snapshot(2));
            d.apply(snapshot(2));
            assertEquals(2, api.calls.get("prometheus.scrape.s101"));
        }
    }

    @Test
    void slowDetailsAreCutAtTheBudget() {
        Api api = new Api();
        api.delayMillis = 2_000;
        try (ScrapeDetails d = new ScrapeDetails(api, Duration.ZERO, 32, 2, Duration.ofMillis(200))) {
            long t0 = System.nanoTime();
            AlloySnapshot out = d.apply(snapshot(4));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1_500, "returned at the budget");
            assertTrue(out.components().stream().allMatch(c -> c.debugInfo() == null));
        }
    }
}
