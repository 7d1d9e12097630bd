package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.pprof.ProfileType;
import io.alloytop.testing.PrometheusServer;
import io.alloytop.testing.RealPrograms;
import io.alloytop.ui.model.Command;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.ProfileEffect;
import io.alloytop.ui.model.ProfileEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Go server (prometheus, same net/http/pprof handlers as Alloy): cancelling a CPU
 * capture from the UI frees the profiler at once, so the next CPU capture is not refused.
 */
class ActionEffectsPrometheusIT {
    @Test
    void cancelFreesGosProfilerForTheNextCapture(@TempDir Path dir) throws Exception {
        RealPrograms.require("prometheus");
        try (PrometheusServer prom = PrometheusServer.start()) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new ActionEffectsTest.DemoBackend(prom.url(), dir, null, Map.of()), q::offer)) {
                fx.execute(new Command.Profile(new ProfileEffect.Start(1, ProfileType.CPU, 60)));
                ActionEffectsTest.next(q, ProfileEvent.Progress.class, Duration.ofSeconds(5));
                Thread.sleep(1000);
                fx.execute(new Command.Profile(new ProfileEffect.Cancel(1)));
                ActionEffectsTest.next(q, ProfileEvent.Failed.class, Duration.ofSeconds(5));
                // Go stops profiling when the client goes away; give the handler a moment to notice
                Thread.sleep(500);
                fx.execute(new Command.Profile(new ProfileEffect.Start(2, ProfileType.CPU, 1)));
                ProfileEvent.Done d = ActionEffectsTest.next(q, ProfileEvent.Done.class, Duration.ofSeconds(20));
                assertEquals(2, d.id());
                assertEquals("cpu", d.summaries().get(d.sampleIndex()).selectedType().type());
                assertTrue(d.size() > 0);
            }
        }
    }
}
