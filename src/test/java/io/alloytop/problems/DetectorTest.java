package io.alloytop.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.HealthState;
import io.alloytop.poll.AlloySnapshot;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private final Pipeline p = new Pipeline();
    private final Detector d = new Detector(Thresholds.DEFAULT);

    private FlowReport warmUp(int polls) {
        FlowReport r = null;
        for (int i = 0; i < polls; i++) r = d.step(p.next());
        return r;
    }

    /** Polls until the problem appears, failing if it takes more than {@code within} polls. */
    private Problem expectWithin(int within, Problem.Kind kind, String component) {
        for (int i = 1; i <= within; i++) {
            FlowReport r = d.step(p.next());
            for (Problem pr : r.problems()) {
                if (pr.kind() == kind && pr.componentId().equals(component)) return pr;
            }
        }
        fail(kind + " on '" + component + "' not reported within " + within + " polls");
        return null;
    }

    @Test
    void steadyHealthyPipelineRaisesNothingOverTenMinutes() {
        for (int i = 0; i < 300; i++) {
            FlowReport r = d.step(p.next());
            assertEquals(List.of(), r.problems(), "poll " + i);
        }
    }

    @Test
    void ratesArePerSecondPerComponent() {
        FlowReport r = warmUp(3);
        ComponentFlow rw = r.flow("prometheus.remote_write.cloud");
        assertEquals(1000, rw.outRate(), 1e-9);
        assertEquals(1000, rw.inRate(), 1e-9);
        ComponentFlow loki = r.flow("loki.write.cloud");
        assertEquals(50, loki.outRate(), 1e-9);
        assertEquals(50, loki.inRate(), 1e-9, "loki.write's input is its upstream journal source");
        assertEquals("entries", loki.unit());
        assertEquals(2, loki.outHistory().length);
    }

    @Test
    void writerThatStallsWhileHealthyIsReportedWithinTwoPolls() {
        warmUp(5);
        p.rwStalled = true;
        Problem pr = expectWithin(2, Problem.Kind.STALLED, "prometheus.remote_write.cloud");
        assertTrue(pr.reason().contains("while reporting healthy"), pr.reason());
        assertTrue(pr.reason().contains("1000 samples/s in"), pr.reason());
        assertEquals(Problem.Severity.CRITICAL, pr.severity());
    }

    @Test
    void stallClearsWhenSendingResumes() {
        warmUp(5);
        p.lokiStalled = true;
        expectWithin(2, Problem.Kind.STALLED, "loki.write.cloud");
        p.lokiStalled = false;
        FlowReport r = d.step(p.next());
        assertTrue(r.problems().stream().noneMatch(x -> x.kind() == Problem.Kind.STALLED), r.problems().toString());
    }

    @Test
    void dropsAreReportedAtTheFirstPollTheyMove() {
        warmUp(3);
        p.lokiDrops = true;
        Problem pr = expectWithin(1, Problem.Kind.FAILING, "loki.write.cloud");
        assertTrue(pr.reason().startsWith("5.0 entries/s"), pr.reason());
    }

    @Test
    void unauthorizedRemoteWriteShowsFailuresRetriesAndTheHealthMessage() {
        warmUp(3);
        p.rw401 = true;
        p.health.put("prometheus.remote_write.cloud", HealthState.UNHEALTHY);
        p.messages.put("prometheus.remote_write.cloud", "server returned HTTP status 401 Unauthorized");
        Problem failing = expectWithin(1, Problem.Kind.FAILING, "prometheus.remote_write.cloud");
        assertTrue(failing.reason().contains("401 Unauthorized"), failing.reason());
        expectWithin(2, Problem.Kind.RETRYING, "prometheus.remote_write.cloud");
    }

    @Test
    void scrapeTargetDownFromDebugInfo() throws Exception {
        warmUp(2);
        p.scrapeDebug = new ObjectMapper().readTree("[{\"name\":\"target\",\"type\":\"block\",\"body\":["
                + "{\"name\":\"url\",\"type\":\"attr\",\"value\":{\"type\":\"string\",\"value\":\"http://db:9100/metrics\"}},"
                + "{\"name\":\"health\",\"type\":\"attr\",\"value\":{\"type\":\"string\",\"value\":\"down\"}},"
                + "{\"name\":\"last_error\",\"type\":\"attr\",\"value\":{\"type\":\"string\",\"value\":\"connection refused\"}}]}]");
        Problem pr = expectWithin(1, Problem.Kind.TARGET_DOWN, "prometheus.scrape.self");
        assertEquals("scrape target http://db:9100/metrics is down: connection refused", pr.reason());
    }

    @Test
    void restartIsReportedWithoutFalseStallsOrSpikes() {
        warmUp(5);
        p.restart();
        FlowReport r = d.step(p.next());
        assertTrue(r.problems().stream().anyMatch(x -> x.kind() == Problem.Kind.RESTARTED), r.problems().toString());
        assertTrue(Double.isNaN(r.flow("prometheus.remote_write.cloud").outRate()), "no rate across a reset");
        for (int i = 0; i < 20; i++) {
            FlowReport later = d.step(p.next());
            assertEquals(List.of(Problem.Kind.RESTARTED),
                    later.problems().stream().map(Problem::kind).collect(Collectors.toList()));
            assertTrue(later.flow("prometheus.remote_write.cloud").outRate() <= 1000.0001);
        }
    }

    @Test
    void threeRestartsInAWindowIsFlapping() {
        warmUp(2);
        for (int i = 0; i < 3; i++) {
            p.restart();
            d.step(p.next());
        }
        FlowReport r = d.step(p.next());
        assertTrue(r.problems().stream().anyMatch(x -> x.kind() == Problem.Kind.FLAPPING), r.problems().toString());
    }

    @Test
    void failedReloadFromConfigMetrics() {
        warmUp(2);
        p.loadFailures = 1;
        p.configOk = false;
        Problem pr = expectWithin(1, Problem.Kind.RELOAD_FAILED, "");
        assertTrue(pr.reason().contains("previous config"), pr.reason());
    }

    @Test
    void evaluationErrorsAreAFailedReloadEvenThoughMetricsSaySuccess() {
        warmUp(2);
        p.health.put("loki.write.cloud", HealthState.UNHEALTHY);
        p.messages.put("loki.write.cloud", "component evaluation failed: decoding configuration: missing url");
        Problem pr = expectWithin(1, Problem.Kind.RELOAD_FAILED, "");
        assertTrue(pr.reason().contains("evaluation failed for 1 component"), pr.reason());
    }

    @Test
    void exitedComponentSaysItNeedsAReload() {
        warmUp(2);
        p.health.put("pyroscope.scrape.self", HealthState.EXITED);
        p.messages.put("pyroscope.scrape.self", "component shut down with error: boom");
        Problem pr = expectWithin(1, Problem.Kind.EXITED, "pyroscope.scrape.self");
        assertTrue(pr.reason().contains("boom") && pr.reason().contains("reload"), pr.reason());
    }

    @Test
    void growingRemoteWriteLag() {
        warmUp(2);
        p.lag = 120;
        p.lagGrowth = 10;
        expectWithin(4, Problem.Kind.LAG_GROWING, "prometheus.remote_write.cloud");
    }

    @Test
    void problemKeepsItsFirstSeenTime() {
        warmUp(2);
        p.lokiDrops = true;
        Problem first = expectWithin(1, Problem.Kind.FAILING, "loki.write.cloud");
        FlowReport r = d.step(p.next());
        Problem again = r.problems().stream().filter(x -> x.kind() == Problem.Kind.FAILING).findFirst().orElseThrow();
        assertEquals(first.since(), again.since());
        assertTrue(again.since().isBefore(p.now));
    }

    @Test
    void unreachableKeepsTheLastReportMarkedStale() {
        warmUp(2);
        p.lokiDrops = true;
        FlowReport before = d.step(p.next());
        AlloySnapshot ok = p.snapshot();
        AlloySnapshot down = new AlloySnapshot(ok.at(), ok.target(), new Failure(Failure.Kind.REFUSED, "refused"),
                ok.lastGoodAt(), ok.version(), true, false, ok.startEpochSeconds(), ok.config(), ok.components(),
                null, ok.stats(), ok.history(), ok.metrics(), 0);
        FlowReport stale = d.step(down);
        assertTrue(stale.stale());
        assertEquals(before.problems(), stale.problems());
    }
}
