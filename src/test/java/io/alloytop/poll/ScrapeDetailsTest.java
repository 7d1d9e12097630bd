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
        List<Component> cs = new ArrayList<>();
        for (int i = 0; i < scrapes; i++) {
            cs.add(new Component("prometheus.scrape", "prometheus.scrape.s" + (100 + i), "", "s" + (100 + i), null, null,
                    null, new Health(HealthState.HEALTHY, "", ""), null, null, null, null, false));
        }
        cs.add(new Component("loki.write", "loki.write.x", "", "x", null, null, null, null, null, null, null, null, false));
        return new AlloySnapshot(Instant.EPOCH, "t", null, Instant.EPOCH, "v1", true, true, 0, null, cs, null,
                Stats.UNKNOWN, Map.of(), null, 0);
    }

    @Test
    void fillsDebugInfoKeepsTheListsHealthAndLeavesOtherComponentsAlone() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, 5, 32, 4, Duration.ofSeconds(5))) {
            AlloySnapshot out = d.apply(snapshot(3));
            Component c = out.components().get(0);
            assertEquals("prometheus.scrape.s100", c.debugInfo().get(0).path("body").get(0).path("value").path("value").asText());
            assertEquals(HealthState.HEALTHY, c.health().state(), "the list's health is newer than the detail's");
            assertNull(out.components().get(3).debugInfo());
            assertEquals(Set.of("prometheus.scrape.s100", "prometheus.scrape.s101", "prometheus.scrape.s102"), api.calls.keySet());
        }
    }

    @Test
    void manyScrapesAreBoundedConcurrencyLimitedAndReusedBetweenRefreshes() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, 3, 12, 4, Duration.ofSeconds(10))) {
            AlloySnapshot out = d.apply(snapshot(20));
            assertEquals(12, api.calls.size(), "at most max components are asked about");
            assertTrue(api.maxInFlight.get() <= 4, "concurrency " + api.maxInFlight.get());
            long filled = out.components().stream().filter(c -> c.debugInfo() != null).count();
            assertEquals(12, filled);
            d.apply(snapshot(20));
            d.apply(snapshot(20));
            assertEquals(12, api.calls.values().stream().mapToInt(Integer::intValue).sum(), "reused for every-1 polls");
            AlloySnapshot again = d.apply(snapshot(20));
            assertEquals(24, api.calls.values().stream().mapToInt(Integer::intValue).sum(), "refreshed on the 4th poll");
            assertEquals(12, again.components().stream().filter(c -> c.debugInfo() != null).count());
        }
    }

    @Test
    void aFewScrapesAreAskedEveryPollAndAFailedDetailIsNotReusedStale() {
        Api api = new Api();
        try (ScrapeDetails d = new ScrapeDetails(api, 5, 32, 4, Duration.ofSeconds(5))) {
            d.apply(snapshot(2));
            api.failing.add("prometheus.scrape.s100");
            AlloySnapshot out = d.apply(snapshot(2));
            assertEquals(2, api.calls.get("prometheus.scrape.s100"));
            assertNull(out.components().get(0).debugInfo(), "no evidence beats stale evidence");
            assertTrue(out.components().get(1).debugInfo() != null);
        }
    }

    @Test
    void slowDetailsAreCutAtTheBudget() {
        Api api = new Api();
        api.delayMillis = 2_000;
        try (ScrapeDetails d = new ScrapeDetails(api, 1, 32, 2, Duration.ofMillis(200))) {
            long t0 = System.nanoTime();
            AlloySnapshot out = d.apply(snapshot(4));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1_500, "returned at the budget");
            assertTrue(out.components().stream().allMatch(c -> c.debugInfo() == null));
        }
    }
}
