package io.alloytop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.metrics.MetricType;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.PromParseException;
import io.alloytop.metrics.PromTextParser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** alloytop's own Prometheus parser must read everything the demo serves, and refuse the garbage fault. */
class DemoMetricsParserTest {
    @Test
    void theProjectsParserReadsTheDemoAtBothScales() throws Exception {
        for (int scale : new int[] {0, 600}) {
            DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
            try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock).withScale(scale))) {
                clock.advance(Duration.ofSeconds(30));
                MetricsSnapshot s = PromTextParser.parse(Http.get(demo.baseUrl() + "/metrics").body());
                assertTrue(s.has("alloy_build_info"));
                assertTrue(s.sum("alloy_component_controller_running_components") >= demo.world().componentIds().size());
                assertEquals(MetricType.HISTOGRAM, s.families().stream().filter(f -> f.name().equals("alloy_component_evaluation_seconds"))
                        .findFirst().orElseThrow().type());
                assertTrue(s.sum("prometheus_remote_storage_samples_total") > 0);
                assertTrue(s.first("process_cpu_seconds_total").orElseThrow() > 0);
            }
        }
    }

    @Test
    void garbageAndTruncationAreRefused() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults())) {
            demo.faults().metricsGarbage(true);
            byte[] body = Http.get(demo.baseUrl() + "/metrics").body();
            assertThrows(PromParseException.class, () -> PromTextParser.parse(body));
            demo.faults().metricsGarbage(false).metricsTruncated(true);
            byte[] cut = Http.get(demo.baseUrl() + "/metrics").body();
            assertThrows(PromParseException.class, () -> PromTextParser.parse(cut));
        }
    }
}
