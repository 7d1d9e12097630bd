package io.alloytop.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotAssemblerTest {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final double START = 1.7e9;

    private static Fetch ok(MetricsSnapshot m, List<Component> cs) {
        return new Fetch(Result.ok(m), Result.ok(cs), Result.ok(true));
    }

    private static Fetch down() {
        return new Fetch(Result.err(Failure.Kind.REFUSED, "connection refused"),
                Result.err(Failure.Kind.REFUSED, "connection refused"), Result.err(Failure.Kind.REFUSED, "x"));
    }

    private static Component comp(String id, HealthState s) {
        return new Component("local.file", id, "", "a", null, null, null, new Health(s, "m", ""), null, null, null,
                null, false);
    }

    @Test
    void cpuIsTheRateOfTheCounterAsPercentOfOneCore() {
        SnapshotAssembler a = new SnapshotAssembler("http://127.0.0.1:12345", false);
        AlloySnapshot s1 = a.assemble(T0, ok(TestMetrics.alloy(START, 100.0), List.of()), null, null);
        assertTrue(Double.isNaN(s1.stats().alloyCpuPercent()), "no rate from one sample");
        AlloySnapshot s2 = a.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy(START, 100.5), List.of()), null, null);
        assertEquals(25.0, s2.stats().alloyCpuPercent(), 1e-9);
        AlloySnapshot s3 = a.assemble(T0.plusSeconds(4), ok(TestMetrics.alloy(START, 103.5), List.of()), null, null);
        assertEquals(150.0, s3.stats().alloyCpuPercent(), 1e-9, "more than one core is allowed");
        assertEquals(200e6, s3.stats().alloyRssBytes());
        assertEquals(123, s3.stats().goroutines());
        assertEquals(80e6, s3.stats().goHeapInuseBytes());
        SeriesView cpu = s3.series(SeriesKeys.ALLOY_CPU);
        assertEquals(3, cpu.size());
        assertTrue(Double.isNaN(cpu.values()[0]));
        assertEquals(150.0, cpu.last(), 1e-9);
        assertEquals(T0.plusSeconds(4).toEpochMilli(), cpu.epochMillis()[2]);
        assertEquals("v1.18.0", s3.version());
        assertTrue(s3.isAlloy());
        assertEquals("abcdef01", s3.config().shortHash());
        assertTrue(s3.config().lastLoadSuccessful());
    }

    @Test
    void fallsBackToAlloyResourcesWhenProcessFamiliesAreMissing() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        TestMetrics m1 = TestMetrics.alloy().set("alloy_resources_process_cpu_seconds_total", 10)
                .set("alloy_resources_process_resident_memory_bytes", 5e6)
                .set("alloy_resources_process_start_time_seconds", START);
        a.assemble(T0, ok(m1.build(), List.of()), null, null);
        TestMetrics m2 = TestMetrics.alloy().set("alloy_resources_process_cpu_seconds_total", 11)
                .set("alloy_resources_process_resident_memory_bytes", 6e6)
                .set("alloy_resources_process_start_time_seconds", START);
        AlloySnapshot s = a.assemble(T0.plusSeconds(10), ok(m2.build(), List.of()), null, null);
        assertEquals(10.0, s.stats().alloyCpuPercent(), 1e-9);
        assertEquals(6e6, s.stats().alloyRssBytes());
        assertEquals(START, s.startEpochSeconds());
    }

    @Test
    void restartIsCountedAndLeavesAGapNotASpike() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        a.assemble(T0, ok(TestMetrics.alloy(START, 5000), List.of()), null, null);
        a.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy(START, 5001), List.of()), null, null);
        // restarted by systemd within a fraction of a second: counter back near zero, new start time
        AlloySnapshot r = a.assemble(T0.plusSeconds(4), ok(TestMetrics.alloy(START + 0.2, 0.2), List.of()), null, null);
        assertEquals(1, r.restarts());
        assertTrue(Double.isNaN(r.stats().alloyCpuPercent()));
        AlloySnapshot after = a.assemble(T0.plusSeconds(6), ok(TestMetrics.alloy(START + 0.2, 0.6), List.of()), null, null);
        assertEquals(20.0, after.stats().alloyCpuPercent(), 1e-9);
        SeriesView cpu = after.series(SeriesKeys.ALLOY_CPU);
        assertEquals(50.0, cpu.max(), 1e-9, "no spike anywhere in the series");
        assertEquals(1, after.restarts());
    }

    @Test
    void counterGoingBackwardsWithoutStartTimeIsAGap() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        a.assemble(T0, ok(TestMetrics.alloy().set("process_cpu_seconds_total", 50).build(), List.of()), null, null);
        AlloySnapshot s = a.assemble(T0.plusSeconds(2),
                ok(TestMetrics.alloy().set("process_cpu_seconds_total", 1).build(), List.of()), null, null);
        assertTrue(Double.isNaN(s.stats().alloyCpuPercent()));
    }

    @Test
    void downIsAGapKeepingLastGoodValues() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        List<Component> cs = List.of(comp("local.file.a", HealthState.HEALTHY), comp("local.file.b", HealthState.EXITED));
        a.assemble(T0, ok(TestMetrics.alloy(START, 1), cs), null, null);
        AlloySnapshot good = a.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy(START, 2), cs), null, null);
        AlloySnapshot gone = a.assemble(T0.plusSeconds(4), down(), null, null);
        assertFalse(gone.reachable());
        assertEquals(Failure.Kind.REFUSED, gone.failure().kind());
        assertEquals(T0.plusSeconds(2), gone.lastGoodAt());
        assertEquals(2, gone.components().size(), "stale components are kept for display");
        assertEquals("v1.18.0", gone.version());
        assertEquals(good.stats().alloyCpuPercent(), gone.stats().alloyCpuPercent());
        assertTrue(Double.isNaN(gone.series(SeriesKeys.ALLOY_CPU).values()[2]));
        assertTrue(Double.isNaN(gone.series(SeriesKeys.ALLOY_RSS).values()[2]));
        // back: the first point after the gap has no rate (nothing spans the gap)
        AlloySnapshot back = a.assemble(T0.plusSeconds(30), ok(TestMetrics.alloy(START, 20), cs), null, null);
        assertTrue(back.reachable());
        assertTrue(Double.isNaN(back.stats().alloyCpuPercent()));
        assertEquals(1.0, back.series(SeriesKeys.COMPONENTS_BAD).last());
    }

    @Test
    void aRefreshSoonAfterAPollKeepsTheLastRate() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        a.assemble(T0, ok(TestMetrics.alloy(START, 10), List.of()), null, null);
        a.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy(START, 11), List.of()), null, null);
        AlloySnapshot quick = a.assemble(T0.plusMillis(2050), ok(TestMetrics.alloy(START, 11.01), List.of()), null, null);
        assertEquals(50.0, quick.stats().alloyCpuPercent(), 1e-9);
        AlloySnapshot next = a.assemble(T0.plusSeconds(4), ok(TestMetrics.alloy(START, 12), List.of()), null, null);
        assertEquals(50.0, next.stats().alloyCpuPercent(), 1e-9, "rate measured from the last full-span sample");
    }

    @Test
    void notAlloyIsAFailureButFiguresStillCount() {
        SnapshotAssembler a = new SnapshotAssembler("http://127.0.0.1:9090", true);
        MetricsSnapshot prom = new TestMetrics().labelled("prometheus_build_info", 1, "version", "2.42.0")
                .set("process_cpu_seconds_total", 3).build();
        AlloySnapshot s = a.assemble(T0, new Fetch(Result.ok(prom), Result.err(Failure.Kind.HTTP_STATUS, "404"),
                Result.ok(true)), null, null);
        assertFalse(s.isAlloy());
        assertEquals(Failure.Kind.NOT_ALLOY, s.failure().kind());
        assertNull(s.config());
        assertEquals(Failure.Kind.HTTP_STATUS, s.componentsFailure().kind());
    }

    @Test
    void evaluationLatencyIsTheMeanOverTheInterval() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        a.assemble(T0, ok(TestMetrics.alloy().set("alloy_component_evaluation_seconds_sum", 1.0)
                .set("alloy_component_evaluation_seconds_count", 10).build(), List.of()), null, null);
        AlloySnapshot s = a.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy()
                .set("alloy_component_evaluation_seconds_sum", 1.5)
                .set("alloy_component_evaluation_seconds_count", 15).build(), List.of()), null, null);
        assertEquals(0.1, s.series(SeriesKeys.EVAL_SECONDS).last(), 1e-9);
        AlloySnapshot idle = a.assemble(T0.plusSeconds(4), ok(TestMetrics.alloy()
                .set("alloy_component_evaluation_seconds_sum", 1.5)
                .set("alloy_component_evaluation_seconds_count", 15).build(), List.of()), null, null);
        assertEquals(0.0, idle.series(SeriesKeys.EVAL_SECONDS).values()[2]);
    }

    @Test
    void hostFiguresOnlyForALocalTarget() {
        ProcStats.HostSample h1 = new ProcStats.HostSample(100, 1000, 4e9, 16e9);
        ProcStats.HostSample h2 = new ProcStats.HostSample(400, 2000, 5e9, 16e9);
        ProcStats.SelfSample me1 = new ProcStats.SelfSample(0, 50e6);
        ProcStats.SelfSample me2 = new ProcStats.SelfSample(0.5e9, 60e6);
        SnapshotAssembler local = new SnapshotAssembler("http://127.0.0.1:12345", true);
        local.assemble(T0, ok(TestMetrics.alloy(START, 1), List.of()), h1, me1);
        AlloySnapshot s = local.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy(START, 1), List.of()), h2, me2);
        assertEquals(30.0, s.stats().hostCpuPercent(), 1e-9);
        assertEquals(5e9, s.stats().hostMemUsedBytes());
        assertEquals(16e9, s.stats().hostMemTotalBytes());
        assertEquals(25.0, s.stats().selfCpuPercent(), 1e-9);
        assertEquals(60e6, s.stats().selfRssBytes());
        assertEquals(2, s.series(SeriesKeys.HOST_CPU).size());

        SnapshotAssembler remote = new SnapshotAssembler("http://10.0.0.5:12345", false);
        remote.assemble(T0, ok(TestMetrics.alloy(START, 1), List.of()), h1, me1);
        AlloySnapshot r = remote.assemble(T0.plusSeconds(2), ok(TestMetrics.alloy(START, 1), List.of()), h2, me2);
        assertTrue(Double.isNaN(r.stats().hostCpuPercent()));
        assertEquals(0, r.series(SeriesKeys.HOST_CPU).size());
        assertNotNull(r.series(SeriesKeys.SELF_RSS));
        assertEquals(25.0, r.stats().selfCpuPercent(), 1e-9);
    }

    @Test
    void ringKeepsAFixedNumberOfPoints() {
        SnapshotAssembler a = new SnapshotAssembler("http://x:1", false);
        AlloySnapshot s = null;
        for (int i = 0; i < SnapshotAssembler.CAPACITY + 50; i++) {
            s = a.assemble(T0.plusSeconds(2L * i), ok(TestMetrics.alloy(START, i), List.of()), null, null);
        }
        SeriesView cpu = s.series(SeriesKeys.ALLOY_CPU);
        assertEquals(SnapshotAssembler.CAPACITY, cpu.size());
        assertTrue(SnapshotAssembler.CAPACITY * 2 >= 15 * 60, "at least 15 minutes at 2 s");
        assertEquals(T0.plusSeconds(2L * (SnapshotAssembler.CAPACITY + 49)).toEpochMilli(),
                cpu.epochMillis()[cpu.size() - 1]);
        assertEquals(T0.plusSeconds(2L * 50).toEpochMilli(), cpu.epochMillis()[0]);
    }
}
