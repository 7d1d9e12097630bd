package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.alloy.Result;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoFaults;
import io.alloytop.demo.DemoOptions;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Poller;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poller that feeds the UI, against the demo's fault switches: every snapshot during a fault
 * states the reason, the poller backs off while Alloy is down (requests counted), and it is back to
 * a good snapshot within two poll delays of the fault clearing.
 */
class PollerFaultsTest {
    static final Tally TALLY = new Tally("faults-poller");
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private DemoAlloy demo;
    private DemoFaults faults;
    private HttpAlloyClient client;
    private Counting api;
    private Poller poller;
    private final LinkedBlockingDeque<AlloySnapshot> snaps = new LinkedBlockingDeque<>();

    /** Counts polls as Alloy sees them: one /metrics request per poll. */
    static final class Counting implements AlloyApi {
        final AlloyApi d;
        final AtomicInteger metricsCalls = new AtomicInteger();

        Counting(AlloyApi d) {
            this.d = d;
        }

        public Result<List<Component>> allComponents() {
            return d.allComponents();
        }

        public Result<Component> component(String id) {
            return d.component(id);
        }

        public Result<MetricsSnapshot> metrics() {
            metricsCalls.incrementAndGet();
            return d.metrics();
        }

        public Result<Boolean> ready() {
            return d.ready();
        }

        public Result<String> reload() {
            return d.reload();
        }

        public Result<byte[]> getBytes(String path, Duration t) {
            return d.getBytes(path, t);
        }

        public String baseUrl() {
            return d.baseUrl();
        }

        public void close() {
            d.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withPort(0).withBasicAuth("admin", "pw-for-poller-test"));
        faults = demo.faults();
        faults.authRequired(false);
        client = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl()).withTimeout(Duration.ofMillis(600))).orNull();
        api = new Counting(client);
        poller = new Poller(api, Clock.systemUTC(), INTERVAL, true, snaps::add);
    }

    @AfterEach
    void stop() {
        poller.close();
        client.close();
        demo.close();
    }

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private AlloySnapshot await(Predicate<AlloySnapshot> p, long millis, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        AlloySnapshot last = null;
        while (System.nanoTime() < deadline) {
            try {
                AlloySnapshot s = snaps.poll(50, TimeUnit.MILLISECONDS);
                if (s == null) continue;
                last = s;
                if (p.test(s)) return s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no snapshot " + what + " within " + millis + " ms; last: "
                + (last == null ? "none" : last.failure()));
    }

    private static boolean good(AlloySnapshot s) {
        return s.failure() == null && s.componentsFailure() == null && s.isAlloy();
    }

    /** A fault's snapshot: not good, and its reason a human sentence without exception class names. */
    private static Failure reason(AlloySnapshot s) {
        Failure f = s.failure() != null ? s.failure() : s.componentsFailure();
        assertNotNull(f, "a fault must be stated");
        assertFalse(f.message().isBlank());
        assertFalse(Cli.hasStackTrace(f.message()), f.message());
        return f;
    }

    /** Clears a fault and checks the next good snapshot comes within two of the poller's delays. */
    private void recovers(Runnable clear) {
        Duration delay = poller.lastDelay() == null ? INTERVAL : poller.lastDelay();
        long t0 = System.nanoTime();
        clear.run();
        snaps.clear();
        // two delays, plus one timeout for a poll already in flight, plus slack for a loaded CI box
        long budget = 2 * delay.toMillis() + 600 + 1500;
        await(PollerFaultsTest::good, budget, "good after clearing");
        long took = (System.nanoTime() - t0) / 1_000_000;
        TALLY.max("recoveryMillis.max", took);
        assertTrue(took <= budget, "recovered after " + took + " ms");
    }

    @Test
    void downAtStartBacksOffThenRecovers() {
        TALLY.scenario("poller.downAtStart", () -> {
            faults.down(true);
            poller.start();
            Failure f = reason(await(s -> s.failure() != null, 3000, "stating the failure"));
            assertEquals(Failure.Kind.REFUSED, f.kind(), f.message());
            assertTrue(f.message().contains(String.valueOf(demo.port())), f.message());
            int before = api.metricsCalls.get();
            CheckFaultsTest.sleep(3000);
            int during = api.metricsCalls.get() - before;
            // without backoff 3 s at 250 ms is 12 polls; 250, 500, 1000, 2000 ms gaps allow at most 4
            assertTrue(during <= 5, "polled " + during + " times in 3 s while down");
            assertTrue(poller.lastDelay().compareTo(INTERVAL.multipliedBy(4)) >= 0, "delay " + poller.lastDelay());
            TALLY.add("backoff.pollsWhileDown3s", during);
            recovers(() -> faults.down(false));
        });
    }

    @Test
    void downWhileRunningAndBack() {
        TALLY.scenario("poller.downAndBack", () -> {
            poller.start();
            await(PollerFaultsTest::good, 5000, "good at first");
            faults.down(true);
            reason(await(s -> s.failure() != null, 3000, "down"));
            recovers(() -> faults.down(false));
        });
    }

    @Test
    void restartIsCountedAndFlappingSurvived() {
        TALLY.scenario("poller.restart", () -> {
            poller.start();
            AlloySnapshot first = await(PollerFaultsTest::good, 5000, "good at first");
            faults.restart();
            AlloySnapshot after = await(s -> s.restarts() > first.restarts(), 4000, "counting the restart");
            assertTrue(after.startEpochSeconds() > first.startEpochSeconds(), "new start time");
        });
        TALLY.scenario("poller.flapping", () -> {
            poller.start();
            await(PollerFaultsTest::good, 5000, "good at first");
            for (int i = 0; i < 12; i++) {
                faults.down(i % 2 == 0);
                if (i % 4 == 1) faults.restart();
                CheckFaultsTest.sleep(120);
            }
            faults.down(false);
            poller.refreshNow();
            recovers(() -> {});
        });
    }

    @Test
    void slowAnswersAndReloadHold() {
        TALLY.scenario("poller.slow10s", () -> {
            poller.start();
            await(PollerFaultsTest::good, 5000, "good at first");
            faults.slowMillis(10_000);
            long t0 = System.nanoTime();
            Failure f = reason(await(s -> !good(s), 4000, "timing out"));
            assertEquals(Failure.Kind.TIMEOUT, f.kind(), f.message());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 4000);
            recovers(() -> faults.slowMillis(0));
        });
        TALLY.scenario("poller.reloadHold", () -> {
            faults.reloadHoldMillis(3000);
            CheckFaultsTest.startReload(demo.baseUrl());
            Failure f = reason(await(s -> !good(s), 3000, "blocked by the reload"));
            assertEquals(Failure.Kind.TIMEOUT, f.kind(), f.message());
            faults.reloadHoldMillis(0);
            // the reload itself ends by 3 s; the poller then sees the new config
            await(PollerFaultsTest::good, 6000, "good after the reload");
        });
    }

    @Test
    void statusGarbageTruncatedAuthNotReady() {
        poller.start();
        await(PollerFaultsTest::good, 5000, "good at first");
        TALLY.scenario("poller.500", () -> {
            faults.status500(true);
            assertTrue(reason(await(s -> !good(s), 3000, "500")).message().contains("500"));
            recovers(() -> faults.status500(false));
        });
        TALLY.scenario("poller.metricsGarbage", () -> {
            faults.metricsGarbage(true);
            assertTrue(reason(await(s -> !good(s), 3000, "garbage")).message().contains("/metrics"));
            recovers(() -> faults.metricsGarbage(false));
        });
        TALLY.scenario("poller.metricsTruncated", () -> {
            faults.metricsTruncated(true);
            assertTrue(reason(await(s -> !good(s), 3000, "truncated")).message().contains("/metrics"));
            recovers(() -> faults.metricsTruncated(false));
        });
        TALLY.scenario("poller.authFails", () -> {
            faults.authRequired(true);
            Failure f = reason(await(s -> !good(s), 3000, "401"));
            assertEquals(Failure.Kind.AUTH, f.kind(), f.message());
            recovers(() -> faults.authRequired(false));
        });
        TALLY.scenario("poller.notReady", () -> {
            faults.notReady(true);
            await(s -> !s.ready(), 3000, "not ready");
            faults.notReady(false);
            await(AlloySnapshot::ready, 2 * INTERVAL.toMillis() + 2000, "ready again");
        });
        TALLY.scenario("poller.pprofDisabled", () -> {
            faults.pprofDisabled(true);
            Result<byte[]> r = api.getBytes("debug/pprof/heap", Duration.ofSeconds(2));
            // the polling itself is unaffected; a profile fetch gets the UI page, which pprof rejects later
            AlloySnapshot s = await(PollerFaultsTest::good, 3000, "still good");
            assertNull(s.failure());
            assertNotNull(r);
        });
    }
}
