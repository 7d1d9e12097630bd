package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.Result;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProfileCaptureTest {
    @Test
    void timedCaptureReportsProgressThenFinishesOnce() throws Exception {
        byte[] gz = PprofFixtureTest.resource("prometheus-cpu.pb.gz");
        try (LocalHttp s = new LocalHttp(ex -> {
            Thread.sleep(1200);
            LocalHttp.reply(ex, 200, gz);
        }); ProfileFetcher f = new ProfileFetcher(ConnectionSettings.of(s.url()))) {
            List<CaptureEvent> events = new CopyOnWriteArrayList<>();
            ProfileCapture c = ProfileCapture.start(f, "h", ProfileType.CPU, 1, Clock.systemUTC(), events::add);
            Result<CapturedProfile> r = c.await();
            assertArrayEquals(gz, r.orNull().bytes());
            assertEquals("h", r.orNull().host());
            assertInstanceOf(CaptureEvent.Finished.class, events.get(events.size() - 1));
            assertEquals(1, events.stream().filter(e -> e instanceof CaptureEvent.Finished).count());
            List<CaptureEvent.Progress> ticks = events.stream().filter(e -> e instanceof CaptureEvent.Progress)
                    .map(e -> (CaptureEvent.Progress) e).toList();
            assertTrue(ticks.size() >= 3, "ticks: " + ticks);
            for (int i = 1; i < ticks.size(); i++) {
                assertTrue(ticks.get(i).elapsed().compareTo(ticks.get(i - 1).elapsed()) >= 0);
                assertEquals(Duration.ofSeconds(1), ticks.get(i).total());
                assertTrue(ticks.get(i).fraction() <= 1.0);
            }
            Thread.sleep(300);
            assertTrue(c.tickerStopped());
        }
    }

    @Test
    void cancelEndsTheCaptureAtOnce() throws Exception {
        try (LocalHttp s = new LocalHttp(ex -> Thread.sleep(10_000));
             ProfileFetcher f = new ProfileFetcher(ConnectionSettings.of(s.url()))) {
            CountDownLatch ticking = new CountDownLatch(1);
            ProfileCapture c = ProfileCapture.start(f, "h", ProfileType.CPU, 30, Clock.systemUTC(), e -> {
                if (e instanceof CaptureEvent.Progress) ticking.countDown();
            });
            assertTrue(ticking.await(5, TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            c.cancel();
            Result<CapturedProfile> r = c.result().get(5, TimeUnit.SECONDS);
            assertTrue((System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(3));
            assertEquals("capture cancelled", r.failureOrNull().message());
        }
    }
}
