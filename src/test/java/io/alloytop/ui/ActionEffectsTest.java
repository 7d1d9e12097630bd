package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.forward.AlloyPort;
import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardRunner;
import io.alloytop.forward.ForwardSession;
import io.alloytop.forward.Signal;
import io.alloytop.pprof.CaptureEvent;
import io.alloytop.pprof.ProfileCapture;
import io.alloytop.pprof.ProfileFetcher;
import io.alloytop.pprof.ProfileStore;
import io.alloytop.pprof.ProfileType;
import io.alloytop.testing.Ports;
import io.alloytop.ui.model.Command;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.ForwardEffect;
import io.alloytop.ui.model.ForwardEvent;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.ProfileEffect;
import io.alloytop.ui.model.ProfileEvent;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.model.Update;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effect runner against the embedded demo Alloy: real HTTP captures, real forward planning. */
class ActionEffectsTest {
    private static final String KEY = "glc_TESTKEY_0123456789_SECRET";

    @TempDir
    Path dir;

    /** The cli's backend, minus the cli: a demo target, a profile dir, a config path and an environment. */
    static final class DemoBackend implements ActionBackend {
        final String baseUrl;
        final ProfileFetcher fetcher;
        final HttpAlloyClient api;
        final Path profiles;
        final Path config;
        final Map<String, String> env;

        DemoBackend(DemoAlloy demo, Path profiles, Path config, Map<String, String> env) {
            this(demo.baseUrl(), profiles, config, env);
        }

        DemoBackend(String baseUrl, Path profiles, Path config, Map<String, String> env) {
            this.baseUrl = baseUrl;
            this.fetcher = new ProfileFetcher(ConnectionSettings.of(baseUrl));
            this.api = HttpAlloyClient.create(ConnectionSettings.of(baseUrl)).orNull();
            this.profiles = profiles;
            this.config = config;
            this.env = env;
        }

        public ProfileCapture capture(ProfileType type, int seconds, Consumer<CaptureEvent> l) {
            return ProfileCapture.start(fetcher, "demo", type, seconds, Clock.systemUTC(), l);
        }

        public ProfileStore store() {
            return new ProfileStore(profiles);
        }

        public String forwardUnavailable() {
            return config == null ? "forwarding needs Alloy's config file: start alloytop with --config-path" : null;
        }

        public Map<String, String> env() {
            return env;
        }

        public ForwardSession forwardSession(Map<String, String> extra) {
            Map<String, String> e = new HashMap<>(env);
            e.putAll(extra);
            e.put("XDG_STATE_HOME", profiles.resolve("state").toString());
            return new ForwardSession(AlloyPort.of(api), baseUrl, e, Path.of("/"), Clock.systemUTC(),
                    ForwardRunner.Settings.defaults(), ForwardRunner.Sleeper.REAL);
        }

        public Path configPath() {
            return config;
        }

        public Set<Signal> signals() {
            return Signal.DEFAULT;
        }

        public void close() {
            fetcher.close();
            api.close();
        }
    }

    static <T> T next(BlockingQueue<Event> q, Class<T> type, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            Event e = q.poll(50, TimeUnit.MILLISECONDS);
            if (e == null) continue;
            Object inner = e instanceof Event.Profile p ? p.event() : e instanceof Event.Forward f ? f.event() : e;
            if (type.isInstance(inner)) return type.cast(inner);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + within);
    }

    @Test
    void aHeapCaptureIsSavedAndSummarisedForEverySampleType() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults())) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new DemoBackend(demo, dir, null, Map.of()), q::offer)) {
                fx.execute(new Command.Profile(new ProfileEffect.Start(7, ProfileType.HEAP, 0)));
                ProfileEvent.Done d = next(q, ProfileEvent.Done.class, Duration.ofSeconds(20));
                assertEquals(7, d.id());
                assertTrue(Files.size(Path.of(d.path())) == d.size() && d.size() > 0, d.path());
                assertTrue(Path.of(d.path()).getFileName().toString().matches("alloy-demo-heap-\\d{8}T\\d{6}Z\\.pb\\.gz"), d.path());
                assertEquals(4, d.summaries().size());
                assertEquals("inuse_space", d.summaries().get(d.sampleIndex()).selectedType().type());
                assertFalse(d.summaries().get(d.sampleIndex()).rows().isEmpty());
            }
        }
    }

    @Test
    void cancellingACpuCaptureEndsItAtOnceNotAfterTheSeconds() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults())) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new DemoBackend(demo, dir, null, Map.of()), q::offer)) {
                fx.execute(new Command.Profile(new ProfileEffect.Start(1, ProfileType.CPU, 30)));
                ProfileEvent.Progress p = next(q, ProfileEvent.Progress.class, Duration.ofSeconds(5));
                assertEquals(Duration.ofSeconds(30), p.total());
                long t0 = System.nanoTime();
                fx.execute(new Command.Profile(new ProfileEffect.Cancel(1)));
                ProfileEvent.Failed f = next(q, ProfileEvent.Failed.class, Duration.ofSeconds(5));
                assertTrue(f.message().contains("cancel"), f.message());
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
                try (var files = Files.list(dir)) {
                    assertEquals(0, files.filter(x -> x.toString().endsWith(".pb.gz")).count(), "nothing saved");
                }
            }
        }
    }

    @Test
    void pprofSwitchedOffIsAFailureWithTheFlagNamed() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPprofEnabled(false))) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new DemoBackend(demo, dir, null, Map.of()), q::offer)) {
                fx.execute(new Command.Profile(new ProfileEffect.Start(2, ProfileType.GOROUTINE, 0)));
                ProfileEvent.Failed f = next(q, ProfileEvent.Failed.class, Duration.ofSeconds(10));
                assertTrue(f.message().contains("enable-pprof"), f.message());
            }
        }
    }

    @Test
    void theDemoWithoutAConfigFileSaysWhatToDo() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults())) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new DemoBackend(demo, dir, null, Map.of()), q::offer)) {
                fx.execute(new Command.Forward(new ForwardEffect.Begin(3)));
                ForwardEvent.Unavailable u = next(q, ForwardEvent.Unavailable.class, Duration.ofSeconds(5));
                assertEquals("forwarding needs Alloy's config file: start alloytop with --config-path", u.reason());
            }
        }
    }

    @Test
    void aMissingKeyIsAskedForAndThePlanNeverCarriesIt() throws Exception {
        Path config = dir.resolve("config.alloy");
        Files.writeString(config, "logging {\n  level = \"info\"\n}\n");
        int dead = Ports.free();
        Map<String, String> env = Map.of(
                "GCLOUD_HOSTED_METRICS_URL", "http://127.0.0.1:" + dead + "/api/prom/push", "GCLOUD_HOSTED_METRICS_ID", "123456",
                "GCLOUD_HOSTED_LOGS_URL", "http://127.0.0.1:" + dead + "/loki/api/v1/push", "GCLOUD_HOSTED_LOGS_ID", "654321");
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults())) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new DemoBackend(demo, dir.resolve("p"), config, env), q::offer)) {
                UiState s = States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40);
                Update.Step st = Update.update(s, new Event.KeyPressed(Key.ch('f')));
                st.commands().forEach(fx::execute);
                ForwardEvent.NeedsKey nk = next(q, ForwardEvent.NeedsKey.class, Duration.ofSeconds(10));
                assertEquals(ForwardPlan.Action.ON, nk.action());
                s = Update.update(st.state(), new Event.Forward(nk)).state();
                s = States.type(s, KEY);
                st = Update.update(s, new Event.KeyPressed(Key.of(Key.Kind.ENTER)));
                st.commands().forEach(fx::execute);
                ForwardEvent.Planned p = next(q, ForwardEvent.Planned.class, Duration.ofSeconds(30));
                assertEquals(ForwardPlan.Action.ON, p.action());
                assertTrue(p.lines().get(0).contains(config.toString()), p.lines().toString());
                assertTrue(p.lines().stream().anyMatch(l -> l.startsWith("+") && l.contains("prometheus.remote_write")), p.lines().toString());
                assertEquals(2, p.preflight().size(), p.preflight().toString());
                assertFalse(p.preflightOk(), "nothing listens on the endpoints: " + p.preflight());
                assertFalse(p.toString().contains(KEY) || p.toString().contains("SECRET"), p.toString());
                UiState planned = Update.update(st.state(), new Event.Forward(p)).state();
                String screen = VirtualScreen.render(planned).text();
                assertTrue(screen.contains("y/n"), screen);
                assertFalse(screen.contains("SECRET"), screen);
                // saying no changes nothing on disk
                Update.Step no = Update.update(planned, new Event.KeyPressed(Key.ch('n')));
                no.commands().forEach(fx::execute);
                assertEquals("logging {\n  level = \"info\"\n}\n", Files.readString(config));
                List<Event> rest = List.copyOf(q);
                assertFalse(rest.toString().contains(KEY), rest.toString());
            }
        }
    }

    @Test
    void theHeaderStatusComesFromTheConfigAndAlloy() throws Exception {
        Path config = dir.resolve("config.alloy");
        Files.writeString(config, "logging {\n  level = \"info\"\n}\n");
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults())) {
            BlockingQueue<Event> q = new LinkedBlockingQueue<>();
            try (ActionEffects fx = new ActionEffects(new DemoBackend(demo, dir.resolve("p"), config, Map.of()), q::offer)) {
                fx.execute(new Command.Forward(new ForwardEffect.RefreshStatus()));
                ForwardEvent.Header h = next(q, ForwardEvent.Header.class, Duration.ofSeconds(10));
                assertEquals("forwarding off", h.text());
                assertFalse(h.failing());
            }
        }
    }

    @Test
    void withoutABackendBothKeysSaySo() throws Exception {
        BlockingQueue<Event> q = new LinkedBlockingQueue<>();
        try (ActionEffects fx = new ActionEffects(null, q::offer)) {
            fx.execute(new Command.Profile(new ProfileEffect.Start(1, ProfileType.HEAP, 0)));
            assertInstanceOf(ProfileEvent.Failed.class, next(q, ProfileEvent.Failed.class, Duration.ofSeconds(1)));
            fx.execute(new Command.Forward(new ForwardEffect.Begin(1)));
            assertInstanceOf(ForwardEvent.Unavailable.class, next(q, ForwardEvent.Unavailable.class, Duration.ofSeconds(1)));
        }
    }
}
