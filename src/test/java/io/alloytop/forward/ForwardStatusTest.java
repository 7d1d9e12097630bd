package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Component;
import io.alloytop.metrics.MetricsSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForwardStatusTest {
    @TempDir
    Path dir;

    @Test
    void eachSignalGetsItsState() throws IOException {
        Path cfg = Files.writeString(dir.resolve("config.alloy"), "logging {\n}\n");
        ConfigLocation loc = new ConfigLocation(cfg, false, "test");
        PlanRequest req = new PlanRequest(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS, Signal.LOGS, Signal.PROFILES), false,
                Fixtures.cloud(), Optional.empty(), Optional.empty(), "127.0.0.1:12345", "alloy.service");
        ForwardPlan plan = Planner.plan(req, ConfigOnDisk.read(loc).orNull()).orNull();
        Files.write(cfg, plan.changes().get(1).after());
        ConfigOnDisk disk = ConfigOnDisk.read(loc).orNull();

        FakeAlloy alloy = new FakeAlloy(loc);
        alloy.unhealthy.put("pyroscope.write.alloytop_selfmon", "server returned HTTP status 401 Unauthorized");
        alloy.failingWriter = "loki.write.alloytop_selfmon";
        MetricsSnapshot m0 = alloy.metrics().orNull();
        MetricsSnapshot m1 = alloy.metrics().orNull();
        List<Component> comps = alloy.components().orNull();
        ForwardState st = new ForwardState(cfg.toString(), "2026-11-22T09:00:00Z", List.of("metrics"), 1.0, 70e6);
        ForwardStatus.Report r = ForwardStatus.compute(disk, comps, m0, m1, Duration.ofSeconds(10), Optional.of(st));
        assertEquals("sending 10.0 samples/s", r.signals().get(0).describe());
        assertEquals("failing: 0.5 entries/s failing", r.signals().get(1).describe());
        assertEquals("failing: pyroscope.write.alloytop_selfmon unhealthy: server returned HTTP status 401 Unauthorized",
                r.signals().get(2).describe());
        assertEquals("off", r.signals().get(3).describe());
        assertEquals("Alloy CPU 1.0 % -> 5.0 % (+4.0), RSS 66.8 MB -> 76.3 MB (+9.5 MB); budget < 5 % CPU, < 20 MB - within budget",
                r.overhead());
        String text = ForwardText.status(r);
        assertTrue(text.contains("  metrics   sending 10.0 samples/s\n"), text);
        assertEquals("forwarding metrics 10/s, logs FAILING, profiles FAILING", ForwardText.header(r));

        ForwardStatus.Report down = ForwardStatus.compute(disk, null, null, null, null, Optional.empty());
        assertEquals("configured (Alloy is not answering)", down.signals().get(0).describe());
        assertEquals("overhead: no measurement from before forwarding was switched on", down.overhead());
        assertEquals("forwarding metrics configured, logs configured, profiles configured", ForwardText.header(down));

        alloy.running = List.of();
        ForwardStatus.Report notLoaded = ForwardStatus.compute(disk, alloy.components().orNull(), m0, m1,
                Duration.ofSeconds(10), Optional.empty());
        assertEquals("configured (in the config but not running; Alloy has not reloaded it)", notLoaded.signals().get(0).describe());
    }

    @Test
    void overBudgetIsSaid() {
        assertTrue(ResourceUse.compare(new ResourceUse(1, 50e6), new ResourceUse(7, 60e6)).endsWith("OVER BUDGET"));
        assertTrue(ResourceUse.compare(new ResourceUse(1, 50e6), new ResourceUse(2, 80e6)).endsWith("OVER BUDGET"));
    }
}
