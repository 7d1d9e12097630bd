package io.alloytop.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.alloy.Result;
import io.alloytop.demo.BuiltinConfig;
import io.alloytop.demo.ComponentDecl;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoClock;
import io.alloytop.demo.DemoOptions;
import io.alloytop.demo.LoadOutcome;
import io.alloytop.poll.Poller;
import io.alloytop.poll.ScrapeDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's scripted incidents against the demo Alloy, through the real HTTP client, poller and
 * scrape-detail step, with the demo's clock advanced instead of sleeping. Each incident must be
 * reported within two poll intervals, naming the right component; a steady pipeline raises nothing.
 */
class IncidentsAgainstDemoTest {
    static final Duration INTERVAL = Duration.ofSeconds(2); // alloytop's default --interval
    static final String RW = "prometheus.remote_write.grafana_cloud";
    static final String LOKI = "loki.write.grafana_cloud";

    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    final AtomicReference<LoadOutcome> config = new AtomicReference<>(new LoadOutcome.Ok(healthyConfig()));
    DemoAlloy demo;
    HttpAlloyClient api;
    Poller poller;
    Observer observer;

    /** The built-in demo ships one deliberately failing local.file; a healthy baseline leaves it out. */
    static List<ComponentDecl> healthyConfig() {
        List<ComponentDecl> decls = new ArrayList<>(BuiltinConfig.components(0));
        decls.removeIf(d -> d.globalID().equals(BuiltinConfig.FAILING_FILE_ID));
        return decls;
    }

    @BeforeEach
    void start() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withConfigLoader(config::get));
        clock.advance(Duration.ofSeconds(30)); // Alloy has been running a while before alloytop looks
        api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl())).orNull();
        poller = new Poller(api, clock, INTERVAL, false, s -> {}, null);
        observer = new Observer(new Detector(Thresholds.DEFAULT), new ScrapeDetails(api, Duration.ZERO, 32, 4, Duration.ofSeconds(10)),
                o -> {});
        for (int i = 0; i < 5; i++) assertEquals(List.of(), poll().problems(), "warm-up poll " + i);
    }

    @AfterEach
    void stop() {
        observer.close();
        poller.close();
        api.close();
        demo.close();
    }

    private FlowReport poll() {
        clock.advance(INTERVAL);
        Observation o = observer.observe(poller.pollOnce());
        assertTrue(o.snapshot().reachable(), () -> "demo unreachable: " + o.snapshot().failure());
        return o.report();
    }

    private Problem within2(Problem.Kind kind, String component) {
        List<Problem> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (Problem p : poll().problems()) {
                if (p.kind() == kind && p.componentId().equals(component)) return p;
                seen.add(p);
            }
        }
        fail(kind + " on '" + component + "' not reported within two polls; saw " + seen);
        return null;
    }

    @Test
    void aSteadyHealthyPipelineRaisesNothingOverTenMinutes() {
        int measured = 0;
        for (int i = 0; i < 300; i++) {
            FlowReport r = poll();
            assertEquals(List.of(), r.problems(), "poll " + i);
            measured = r.flows().size();
        }
        assertTrue(measured >= 8, "writers, sources and module components are measured: " + measured);
        ComponentFlow rw = poll().flow(RW);
        assertTrue(rw.outRate() > 0 && rw.inRate() > 0, "remote_write moves samples: " + rw);
    }

    @Test
    void componentsInsideModulesAreMeasuredByComponentPath() {
        FlowReport r = poll();
        ComponentFlow inner = r.flow("self_monitor.main/prometheus.scrape.inner");
        assertTrue(inner != null && inner.outRate() > 0, "module scrape forwards samples: " + inner);
        ComponentFlow host = r.flow("foreach.hosts/foreach_web1_1/prometheus.scrape.host");
        assertTrue(host != null && host.outRate() > 0, "foreach child scrape forwards samples: " + host);
    }

    @Test
    void aWriterThatStallsWhileHealthy() {
        demo.faults().stallWriter(RW);
        Problem p = within2(Problem.Kind.STALLED, RW);
        assertTrue(p.reason().contains("while reporting healthy"), p.reason());
        assertTrue(p.reason().contains("samples/s in"), p.reason());
        assertEquals(Problem.Severity.CRITICAL, p.severity());
    }

    @Test
    void dropsThatStart() {
        demo.faults().startDrops(LOKI);
        Problem p = within2(Problem.Kind.FAILING, LOKI);
        assertTrue(p.reason().contains("entries/s are failing or dropped"), p.reason());
    }

    @Test
    void journalParseErrors() {
        demo.faults().startDrops("loki.source.journal.system");
        Problem p = within2(Problem.Kind.PARSE_ERRORS, "loki.source.journal.system");
        assertTrue(p.reason().contains("fail to parse"), p.reason());
    }

    @Test
    void a401MakesRemoteWriteRetry() {
        demo.faults().failWith401(RW);
        Problem p = within2(Problem.Kind.RETRYING, RW);
        assertTrue(p.reason().contains("retries climbing"), p.reason());
        // Real Alloy keeps a 401-refused remote_write "healthy": the flows are the only evidence.
        assertEquals("healthy", demo.world().component(RW).orElseThrow().state());
    }

    @Test
    void aTargetThatGoesDown() {
        demo.faults().targetDown("prometheus.scrape.self");
        Problem p = within2(Problem.Kind.TARGET_DOWN, "prometheus.scrape.self");
        assertTrue(p.reason().contains(" is down"), p.reason());
    }

    @Test
    void aRestart() {
        demo.faults().restart();
        Problem p = within2(Problem.Kind.RESTARTED, "");
        assertTrue(p.reason().startsWith("Alloy restarted"), p.reason());
        // Counters started again from zero: that is not a drop or a stall.
        for (int i = 0; i < 10; i++) {
            assertTrue(poll().problems().stream().allMatch(x -> x.kind() == Problem.Kind.RESTARTED), "only the restart");
        }
    }

    @Test
    void aReloadWithASyntaxError() {
        config.set(new LoadOutcome.SyntaxError(BuiltinConfig.CONFIG_PATH, "12:3: expected }, got EOF"));
        Result<String> r = api.reload();
        assertFalse(r.isOk());
        Problem p = within2(Problem.Kind.RELOAD_FAILED, "");
        assertTrue(p.reason().contains("the last config reload failed"), p.reason());
    }

    @Test
    void aReloadWithAnEvaluationErrorThatLeavesTheMetricAtOne() {
        List<ComponentDecl> decls = healthyConfig();
        decls.add(ComponentDecl.of("prometheus.remote_write", "broken")
                .withHealth("unhealthy", "component evaluation failed: decoding configuration: missing required attribute \"url\""));
        config.set(new LoadOutcome.EvalError("/etc/alloy/config.alloy:40:1: Failed to build component", decls));
        assertFalse(api.reload().isOk());
        Problem p = within2(Problem.Kind.RELOAD_FAILED, "");
        assertTrue(p.reason().contains("config evaluation failed for 1 component"), p.reason());
    }
}
