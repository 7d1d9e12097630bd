package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoPprofTest {
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    DemoAlloy demo;

    @AfterEach
    void stop() {
        if (demo != null) demo.close();
    }

    /** A sleeper that moves the demo clock instead of waiting, so a 30 s profile takes no time. */
    DemoOptions.Sleeper advancing() {
        return d -> clock.advance(d);
    }

    static List<ProtoFields.Field> decode(Http.Reply r) {
        assertEquals(200, r.status());
        assertEquals("application/octet-stream", r.header("Content-Type"));
        return ProtoFields.parse(r.gunzipped());
    }

    static List<String> sampleTypes(List<ProtoFields.Field> p) {
        List<String> strings = ProtoFields.strings(p);
        List<String> out = new ArrayList<>();
        for (ProtoFields.Field f : p) {
            if (f.number() != 1) continue;
            List<ProtoFields.Field> vt = ProtoFields.parse(f.bytes());
            out.add(strings.get((int) vt.get(0).varint()) + "/" + strings.get((int) vt.get(1).varint()));
        }
        return out;
    }

    @Test
    void heapIsAValidGzippedProfileWithAlloyFunctions() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        List<ProtoFields.Field> p = decode(Http.get(demo.baseUrl() + "/debug/pprof/heap"));
        assertEquals(1, p.get(0).number(), "starts with sample_type");
        assertEquals(List.of("alloc_objects/count", "alloc_space/bytes", "inuse_objects/count", "inuse_space/bytes"), sampleTypes(p));
        List<String> strings = ProtoFields.strings(p);
        assertEquals("", strings.get(0), "string_table[0] is empty");
        assertTrue(strings.stream().anyMatch(s -> s.startsWith("github.com/grafana/alloy/internal/")));
        assertTrue(strings.contains("bytes"), "Go's heap samples carry a 'bytes' label");
        long samples = p.stream().filter(f -> f.number() == 2).count();
        long functions = p.stream().filter(f -> f.number() == 5).count();
        long locations = p.stream().filter(f -> f.number() == 4).count();
        assertTrue(samples > 3 && functions > 5 && locations == functions);
        // every sample's location ids resolve and it has one value per sample type
        java.util.Set<Long> locIds = new java.util.HashSet<>();
        for (ProtoFields.Field f : p) if (f.number() == 4) locIds.add(ProtoFields.parse(f.bytes()).get(0).varint());
        for (ProtoFields.Field f : p) {
            if (f.number() != 2) continue;
            List<ProtoFields.Field> s = ProtoFields.parse(f.bytes());
            for (long id : ProtoFields.packed(s.get(0).bytes())) assertTrue(locIds.contains(id));
            assertEquals(4, ProtoFields.packed(s.get(1).bytes()).length);
        }
        assertTrue(p.stream().anyMatch(f -> f.number() == 9 && f.varint() == clock.instant().toEpochMilli() * 1_000_000L), "time_nanos");
    }

    @Test
    void everyBinaryProfileDecodes() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock));
        for (String name : new String[] {"allocs", "goroutine", "mutex", "block", "threadcreate"}) {
            List<ProtoFields.Field> p = decode(Http.get(demo.baseUrl() + "/debug/pprof/" + name));
            assertTrue(p.stream().anyMatch(f -> f.number() == 2), name + " has samples");
        }
        assertEquals(List.of("goroutine/count"), sampleTypes(decode(Http.get(demo.baseUrl() + "/debug/pprof/goroutine"))));
        assertEquals(List.of("contentions/count", "delay/nanoseconds"), sampleTypes(decode(Http.get(demo.baseUrl() + "/debug/pprof/mutex"))));
        Http.Reply text = Http.get(demo.baseUrl() + "/debug/pprof/goroutine?debug=1");
        assertTrue(text.text().startsWith("goroutine profile: total "));
        Http.Reply index = Http.get(demo.baseUrl() + "/debug/pprof/");
        assertTrue(index.text().contains("/debug/pprof/"));
        Http.Reply trace = Http.get(demo.baseUrl() + "/debug/pprof/trace?seconds=1");
        assertTrue(trace.text().startsWith("go 1.25 trace"));
    }

    @Test
    void cpuProfileLastsItsSecondsAndRefusesASecondOne() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withSleeper(d -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
            clock.advance(d);
        }));
        Instant before = clock.instant();
        CompletableFuture<Http.Reply> first = CompletableFuture.supplyAsync(() -> Http.get(demo.baseUrl() + "/debug/pprof/profile?seconds=30"));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        Http.Reply second = Http.get(demo.baseUrl() + "/debug/pprof/profile?seconds=5");
        assertEquals(500, second.status());
        assertEquals("Could not enable CPU profiling: cpu profiling already in use\n", second.text());
        release.countDown();
        List<ProtoFields.Field> p = decode(first.get(10, TimeUnit.SECONDS));
        assertEquals(Duration.ofSeconds(30), Duration.between(before, clock.instant()));
        assertEquals(List.of("samples/count", "cpu/nanoseconds"), sampleTypes(p));
        assertTrue(p.stream().anyMatch(f -> f.number() == 10 && f.varint() == 30_000_000_000L), "duration_nanos");
        assertTrue(p.stream().anyMatch(f -> f.number() == 12 && f.varint() == 10_000_000L), "period 10ms");
        long cpuNanos = 0;
        for (ProtoFields.Field f : p) {
            if (f.number() == 2) cpuNanos += ProtoFields.packed(ProtoFields.parse(f.bytes()).get(1).bytes())[1];
        }
        double share = cpuNanos / 1e9 / 30;
        assertTrue(share > 0.01 && share < 0.12, "profile holds 2–8 % of a core, got " + share);
        assertEquals(200, Http.get(demo.baseUrl() + "/debug/pprof/profile?seconds=1").status(), "free again");
    }

    @Test
    void aRestartDuringACpuProfileDropsTheConnection() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withSleeper(d -> {
            clock.advance(d);
            demo.faults().restart();
        }));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> Http.get(demo.baseUrl() + "/debug/pprof/profile?seconds=5"));
        demo.close();
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withSleeper(advancing()));
        assertEquals(200, Http.get(demo.baseUrl() + "/debug/pprof/profile?seconds=5").status());
    }

    @Test
    void disabledPprofFallsThroughToTheUi() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withPprofEnabled(false));
        Http.Reply r = Http.get(demo.baseUrl() + "/debug/pprof/heap");
        assertEquals(200, r.status());
        assertTrue(r.text().startsWith("<!doctype html>"));
        demo.close();
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withSleeper(advancing()));
        demo.faults().pprofDisabled(true);
        assertTrue(Http.get(demo.baseUrl() + "/debug/pprof/profile?seconds=1").text().startsWith("<!doctype html>"));
    }
}
