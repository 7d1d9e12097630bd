package io.alloytop.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollerTest {
    /** An Alloy whose answers the test sets; each call sleeps a little to show the fetches overlap. */
    static final class FakeApi implements AlloyApi {
        volatile boolean up = true;
        volatile double cpu = 1;
        volatile long callMillis = 0;
        /** "metrics@thread-name" and so on, in the order the calls started. */
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

        private void pause() {
            String what = StackWalker.getInstance().walk(f -> f.skip(1).findFirst().orElseThrow().getMethodName());
            calls.add(what + "@" + Thread.currentThread().getName());
            try {
                Thread.sleep(callMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Result<List<Component>> allComponents() {
            pause();
            return up ? Result.ok(List.of()) : Result.err(Failure.Kind.REFUSED, "refused");
        }

        @Override
        public Result<Component> component(String globalId) {
            return Result.err(Failure.Kind.HTTP_STATUS, "no");
        }

        @Override
        public Result<MetricsSnapshot> metrics() {
            pause();
            return up ? Result.ok(TestMetrics.alloy(1.7e9, cpu)) : Result.err(Failure.Kind.REFUSED, "refused");
        }

        @Override
        public Result<Boolean> ready() {
            pause();
            return up ? Result.ok(true) : Result.err(Failure.Kind.REFUSED, "refused");
        }

        @Override
        public Result<String> reload() {
            return Result.ok("config reloaded");
        }

        @Override
        public Result<byte[]> getBytes(String path, Duration readTimeout) {
            return Result.ok(new byte[0]);
        }

        @Override
        public String baseUrl() {
            return "http://127.0.0.1:12345";
        }

        @Override
        public void close() {}
    }

    static final class MutableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T09:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void backoffDoublesUpToThirtySeconds() {
        Duration i = Duration.ofSeconds(2);
        assertEquals(Duration.ofSeconds(2), Poller.backoff(i, 0));
        assertEquals(Duration.ofSeconds(2), Poller.backoff(i, 1));
        assertEquals(Duration.ofSeconds(4), Poller.backoff(i, 2));
        assertEquals(Duration.ofSeconds(16), Poller.backoff(i, 4));
        assertEquals(Duration.ofSeconds(30), Poller.backoff(i, 5));
        assertEquals(Duration.ofSeconds(30), Poller.backoff(i, 500));
        assertEquals(Duration.ofMinutes(2), Poller.backoff(Duration.ofMinutes(2), 9), "never faster than asked");
    }

    @Test
    void pollOnceUsesTheInjectedClockAndFetchesConcurrently() {
        FakeApi api = new FakeApi();
        api.callMillis = 300;
        MutableClock clock = new MutableClock();
        try (Poller p = new Poller(api, clock, Duration.ofSeconds(2), true, s -> {}, null)) {
            long t0 = System.nanoTime();
            AlloySnapshot s1 = p.pollOnce();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 800, "three 300 ms calls overlapped, took " + ms + " ms");
            assertEquals(clock.instant(), s1.at());
            clock.advance(Duration.ofSeconds(2));
            api.cpu = 2;
            AlloySnapshot s2 = p.pollOnce();
            assertEquals(50.0, s2.stats().alloyCpuPercent(), 1e-9);
            assertTrue(s2.ready());
        }
    }

    @Test
    void quickFetchesRunInTurnOnTheCallingThreadAndAFailureSendsThemBackToTheFetchers() {
        FakeApi api = new FakeApi();
        String me = Thread.currentThread().getName();
        // a first fetch in a cold JVM may itself take 50 ms (threads, classes): pay that elsewhere
        try (Poller warm = new Poller(new FakeApi(), new MutableClock(), Duration.ofSeconds(2), true, s -> {}, null)) {
            warm.fetch();
        }
        try (Poller p = new Poller(api, new MutableClock(), Duration.ofSeconds(2), true, s -> {}, null)) {
            p.fetch();
            assertEquals(3, api.calls.size());
            assertTrue(api.calls.stream().noneMatch(c -> c.endsWith("@" + me)), "the first fetch is concurrent: " + api.calls);

            api.calls.clear();
            p.fetch();
            assertEquals(List.of("metrics@" + me, "allComponents@" + me, "ready@" + me), api.calls,
                    "a quick target is fetched in turn, without waking the fetch threads");

            api.calls.clear();
            api.up = false;
            p.fetch();
            assertEquals("metrics@" + me, api.calls.get(0));
            assertEquals(3, api.calls.size());
            assertTrue(api.calls.subList(1, 3).stream().noneMatch(c -> c.endsWith("@" + me)),
                    "after metrics failed the other two run together: " + api.calls);

            api.calls.clear();
            api.up = true;
            p.fetch();
            assertTrue(api.calls.stream().noneMatch(c -> c.endsWith("@" + me)), "after a failed fetch: concurrent " + api.calls);
        }
    }

    @Test
    void slowFetchesStayConcurrent() {
        FakeApi api = new FakeApi();
        api.callMillis = 80;
        String me = Thread.currentThread().getName();
        try (Poller p = new Poller(api, new MutableClock(), Duration.ofSeconds(2), true, s -> {}, null)) {
            p.fetch();
            api.calls.clear();
            p.fetch();
            assertTrue(api.calls.stream().noneMatch(c -> c.endsWith("@" + me)), api.calls.toString());
        }
    }

    @Test
    void loopBacksOffWhileDownAndRefreshNowRecovers() throws Exception {
        FakeApi api = new FakeApi();
        api.up = false;
        BlockingQueue<AlloySnapshot> out = new LinkedBlockingQueue<>();
        try (Poller p = new Poller(api, new MutableClock(), Duration.ofMillis(100), false, out::add, null)) {
            p.start();
            for (int i = 0; i < 3; i++) {
                AlloySnapshot s = out.poll(5, TimeUnit.SECONDS);
                assertFalse(s.reachable());
            }
            waitFor(() -> p.consecutiveFailures() >= 3 && p.lastDelay() != null
                    && p.lastDelay().toMillis() >= 400);
            assertEquals(Duration.ofMillis(400), Poller.backoff(p.interval(), 3));
            api.up = true;
            out.clear();
            p.refreshNow();
            AlloySnapshot s = out.poll(5, TimeUnit.SECONDS);
            assertTrue(s.reachable());
            waitFor(() -> p.consecutiveFailures() == 0 && p.lastDelay().equals(Duration.ofMillis(100)));
        }
    }

    @Test
    void setIntervalPollsAtTheNewPace() throws Exception {
        FakeApi api = new FakeApi();
        BlockingQueue<AlloySnapshot> out = new LinkedBlockingQueue<>();
        try (Poller p = new Poller(api, new MutableClock(), Duration.ofMinutes(10), false, out::add, null)) {
            p.start();
            out.poll(5, TimeUnit.SECONDS);
            p.setInterval(Duration.ofMillis(100));
            for (int i = 0; i < 3; i++) assertTrue(out.poll(5, TimeUnit.SECONDS) != null);
            assertEquals(Duration.ofMillis(100), p.interval());
        }
    }

    @Test
    void localTargets() {
        assertTrue(Poller.isLocalTarget("http://127.0.0.1:12345"));
        assertTrue(Poller.isLocalTarget("http://localhost:12345"));
        assertTrue(Poller.isLocalTarget("http://[::1]:12345"));
        assertTrue(Poller.isLocalTarget("localhost:12345"));
        assertFalse(Poller.isLocalTarget("http://10.0.0.5:12345"));
        assertFalse(Poller.isLocalTarget("https://alloy.example.com"));
    }

    @Test
    void procStatsReadFromAProcTree(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("stat"), "cpu  100 10 50 800 40 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8\n");
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       16000000 kB\nMemFree: 1 kB\n"
                + "MemAvailable:   12000000 kB\n");
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("self/status"), "Name:\tjava\nVmRSS:\t  204800 kB\n");
        ProcStats ps = new ProcStats(proc);
        ProcStats.HostSample h = ps.host();
        assertEquals(1000, h.totalTicks());
        assertEquals(160, h.busyTicks());
        assertEquals(16000000 * 1024.0, h.memTotalBytes());
        assertEquals(4000000 * 1024.0, h.memUsedBytes());
        assertEquals(204800 * 1024.0, ps.self().rssBytes());
        ProcStats missing = new ProcStats(proc.resolve("nope"));
        assertTrue(Double.isNaN(missing.host().totalTicks()));
    }

    private static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met in 5 s");
            Thread.sleep(10);
        }
    }
}
