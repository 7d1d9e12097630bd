package io.alloytop.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Poller;
import io.alloytop.poll.SeriesKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client and poller against the embedded demo Alloy, which follows the facts file's routes and quirks. */
class ClientAgainstDemoTest {
    private DemoAlloy demo;

    @BeforeEach
    void start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withUiPrefix("/ui").withBasicAuth("admin", "demo-pass"));
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    private HttpAlloyClient client(String user, String pass, Duration timeout) {
        return HttpAlloyClient.create(new ConnectionSettings(demo.baseUrl(), "/ui", user, pass, null, null, null, null,
                false, timeout)).orNull();
    }

    @Test
    void everyListedComponentHasADetailIncludingModulesAndRemoteConfig() {
        try (HttpAlloyClient c = client("admin", "demo-pass", Duration.ofSeconds(5))) {
            Result<List<Component>> all = c.allComponents();
            assertTrue(all.isOk(), () -> all.failureOrNull().message());
            Set<String> ids = new HashSet<>();
            boolean module = false;
            boolean remote = false;
            for (Component comp : all.orNull()) {
                assertTrue(ids.add(comp.globalID()), "listed once: " + comp.globalID());
                module |= !comp.moduleID().isEmpty() && !comp.moduleID().startsWith("remotecfg");
                remote |= comp.moduleID().startsWith("remotecfg");
                Result<Component> d = c.component(comp.globalID());
                assertTrue(d.isOk(), () -> comp.globalID() + ": " + d.failureOrNull().message());
                assertEquals(comp.globalID(), d.orNull().globalID());
            }
            assertTrue(module, "inner module components were walked");
            assertTrue(remote, "remote config components were included");
        }
    }

    @Test
    void faultsBecomeTypedFailures() {
        try (HttpAlloyClient c = client("admin", "demo-pass", Duration.ofMillis(700))) {
            demo.faults().metricsGarbage(true);
            assertEquals(Failure.Kind.BAD_RESPONSE, c.metrics().failureOrNull().kind());
            demo.faults().metricsGarbage(false);

            demo.faults().notReady(true);
            assertEquals(false, c.ready().orNull());
            demo.faults().notReady(false);

            demo.faults().status500(true);
            assertEquals(Failure.Kind.HTTP_STATUS, c.allComponents().failureOrNull().kind());
            demo.faults().status500(false);

            demo.faults().pprofDisabled(true);
            // with a UI prefix the SPA fallback does not cover /debug/pprof, so it is a plain 404
            Failure pprof = c.getBytes("/debug/pprof/heap", Duration.ofSeconds(2)).failureOrNull();
            assertEquals(Failure.Kind.HTTP_STATUS, pprof.kind());
            assertTrue(pprof.message().startsWith("HTTP 404 from /debug/pprof/heap"), pprof.message());
            demo.faults().pprofDisabled(false);

            demo.faults().slowMillis(3000);
            long t0 = System.nanoTime();
            assertEquals(Failure.Kind.TIMEOUT, c.ready().failureOrNull().kind());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000);
            demo.faults().slowMillis(0);

            try (HttpAlloyClient anonymous = client(null, null, Duration.ofSeconds(5));
                 HttpAlloyClient wrong = client("admin", "nope-nope", Duration.ofSeconds(5))) {
                assertEquals(Failure.Kind.AUTH, anonymous.ready().failureOrNull().kind());
                Failure f = wrong.allComponents().failureOrNull();
                assertEquals(Failure.Kind.AUTH, f.kind());
                assertTrue(f.message().contains("rejected the credentials for user 'admin'"), f.message());
            }

            demo.faults().down(true);
            assertEquals(Failure.Kind.REFUSED, c.metrics().failureOrNull().kind());
            demo.faults().down(false);
            assertTrue(c.metrics().isOk());
        }
    }

    @Test
    void aReloadBlocksTheApiAndTheClientTimesOutThenRecovers() throws Exception {
        demo.faults().reloadHoldMillis(2500);
        try (HttpAlloyClient reloader = client("admin", "demo-pass", Duration.ofSeconds(10));
             HttpAlloyClient c = client("admin", "demo-pass", Duration.ofMillis(600))) {
            java.util.concurrent.CompletableFuture<Result<String>> reload =
                    java.util.concurrent.CompletableFuture.supplyAsync(reloader::reload);
            sleep(300);
            long t0 = System.nanoTime();
            Result<List<Component>> blocked = c.allComponents();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Failure.Kind.TIMEOUT, blocked.failureOrNull().kind());
            assertTrue(blocked.failureOrNull().message().contains("reloading"), blocked.failureOrNull().message());
            assertTrue(ms < 1500, "took " + ms + " ms");
            assertEquals("config reloaded", reload.get().orNull());
            assertTrue(c.allComponents().isOk());
        }
    }

    @Test
    void pollerSeesARestartWithoutASpike() {
        try (HttpAlloyClient c = client("admin", "demo-pass", Duration.ofSeconds(5));
             Poller p = new Poller(c, Clock.systemUTC(), Duration.ofSeconds(2), true, s -> {})) {
            AlloySnapshot a = p.pollOnce();
            assertTrue(a.reachable(), () -> String.valueOf(a.failure()));
            sleep(300);
            AlloySnapshot b = p.pollOnce();
            assertFalse(Double.isNaN(b.stats().alloyCpuPercent()));
            demo.faults().restart();
            sleep(300);
            AlloySnapshot r = p.pollOnce();
            assertEquals(1, r.restarts());
            assertTrue(Double.isNaN(r.series(SeriesKeys.ALLOY_CPU).values()[2]), "the restart point is a gap");
            assertTrue(Double.isFinite(r.stats().alloyRssBytes()));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
