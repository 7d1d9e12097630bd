package io.alloytop.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.testing.FakeHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LiveGraphStreamTest {
    private static LiveGraph await(LiveGraphStream s, Predicate<LiveGraph> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            LiveGraph g = s.latest();
            if (done.test(g)) return g;
            Thread.sleep(50);
        }
        return s.latest();
    }

    @Test
    void perEdgeRatesFromTheDemoWithLiveDebuggingOn() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withLiveDebugging(true));
             HttpAlloyClient api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl())).orNull();
             LiveGraphStream s = new LiveGraphStream(api, 1).start()) {
            LiveGraph g = await(s, x -> x.status() == LiveGraph.Status.LIVE && !x.edgeRates().isEmpty());
            assertEquals(LiveGraph.Status.LIVE, g.status(), g.message());
            assertTrue(g.edgeRates().keySet().stream().allMatch(k -> k.contains("->")), g.edgeRates().toString());
            assertTrue(g.edgeRates().values().stream().allMatch(v -> v > 0), g.edgeRates().toString());
            assertTrue(g.hint().contains("live debugging"), g.hint());
        }
    }

    @Test
    void disabledLiveDebuggingSaysHowToEnableIt() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults());
             HttpAlloyClient api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl())).orNull();
             LiveGraphStream s = new LiveGraphStream(api, 1).start()) {
            LiveGraph g = await(s, x -> x.status() == LiveGraph.Status.DISABLED);
            assertEquals(LiveGraph.Status.DISABLED, g.status(), g.message());
            assertTrue(g.hint().contains("livedebugging { enabled = true }"), g.hint());
        }
    }

    @Test
    void olderAlloyAnsweringItsWebPageIsUnsupportedAndNotAskedAgain() throws Exception {
        try (FakeHttp http = FakeHttp.start();
             HttpAlloyClient api = HttpAlloyClient.create(ConnectionSettings.of(http.url())
                     .withTimeout(Duration.ofSeconds(2))).orNull();
             LiveGraphStream s = new LiveGraphStream(api, 1).start()) {
            LiveGraph g = await(s, x -> x.status() == LiveGraph.Status.UNSUPPORTED);
            assertEquals(LiveGraph.Status.UNSUPPORTED, g.status(), g.message());
            Thread.sleep(300);
            assertEquals(1, http.requests.stream().filter(r -> r.contains("/api/v0/web/graph")).count(),
                    http.requests.toString());
        }
    }
}
