package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.demo.BuiltinConfig;
import io.alloytop.demo.ComponentDecl;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoClock;
import io.alloytop.demo.DemoOptions;
import io.alloytop.demo.LoadOutcome;
import io.alloytop.poll.Poller;
import io.alloytop.poll.ScrapeDetails;
import io.alloytop.problems.Detector;
import io.alloytop.problems.Observer;
import io.alloytop.problems.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `check` runs the data-loss detector over its samples: the demo's incidents make it exit 1 and list them. */
class CheckProblemsTest {
    final DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
    DemoAlloy demo;
    HttpAlloyClient api;
    Poller poller;
    Observer observer;

    @BeforeEach
    void start() throws Exception {
        List<ComponentDecl> decls = new ArrayList<>(BuiltinConfig.components(0));
        decls.removeIf(d -> d.globalID().equals(BuiltinConfig.FAILING_FILE_ID));
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withConfigLoader(() -> new LoadOutcome.Ok(decls)));
        clock.advance(Duration.ofSeconds(30));
        api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl())).orNull();
        poller = new Poller(api, clock, Duration.ofSeconds(2), false, s -> {}, null);
        observer = new Observer(new Detector(Thresholds.DEFAULT), ScrapeDetails.defaults(api), o -> {});
    }

    @AfterEach
    void stop() {
        observer.close();
        poller.close();
        api.close();
        demo.close();
    }

    private CheckReport check(Duration watch) {
        return CheckCommand.run(api, poller, observer, Duration.ofSeconds(1), watch, Duration.ofSeconds(2), clock::advance);
    }

    @Test
    void aHealthyDemoIsOkWithAnEmptyProblemsList() throws Exception {
        CheckReport r = check(Duration.ZERO);
        assertEquals(CheckReport.Status.OK, r.status(), r.text());
        assertTrue(r.text().contains("  problems    none seen (stalls and growing lag need --watch)"), r.text());
        JsonNode j = new ObjectMapper().readTree(r.json());
        assertTrue(j.get("problems").isArray() && j.get("problems").isEmpty(), r.json());
    }

    @Test
    void dropsAndADownTargetMakeItDegradedWithReasons() throws Exception {
        demo.faults().startDrops("loki.write.grafana_cloud").targetDown("prometheus.scrape.self");
        CheckReport r = check(Duration.ZERO);
        assertEquals(1, r.exitCode(), r.text());
        assertTrue(r.summary().endsWith("2 data-loss/reload problems, ready"), r.summary());
        assertTrue(r.text().contains("critical failing       loki.write.grafana_cloud: "), r.text());
        assertTrue(r.text().contains("warning  target_down   prometheus.scrape.self: scrape target "), r.text());
        JsonNode j = new ObjectMapper().readTree(r.json());
        JsonNode first = j.get("problems").get(0);
        assertEquals("failing", first.get("kind").asText());
        assertEquals("critical", first.get("severity").asText());
        assertEquals("loki.write.grafana_cloud", first.get("component").asText());
        assertTrue(first.get("reason").asText().contains("failing or dropped"));
        assertEquals(clock.instant().toString(), first.get("since").asText());
        assertEquals("ok", j.get("components").isNull() ? "" : "ok", "existing fields stay");
    }

    @Test
    void aStallThatStartsWhileWatchedIsReported() {
        java.util.concurrent.atomic.AtomicInteger sleeps = new java.util.concurrent.atomic.AtomicInteger();
        CheckReport watched = CheckCommand.run(api, poller, observer, Duration.ofSeconds(1), Duration.ofSeconds(20),
                Duration.ofSeconds(2), d -> {
                    // the writer was seen sending for a few polls before it stopped
                    if (sleeps.incrementAndGet() == 4) demo.faults().stallWriter("prometheus.remote_write.grafana_cloud");
                    clock.advance(d);
                });
        assertEquals(1, watched.exitCode(), watched.text());
        assertTrue(watched.problems().stream().anyMatch(p -> p.kind().name().equals("STALLED")
                && p.componentId().equals("prometheus.remote_write.grafana_cloud")), watched.text());
    }
}
