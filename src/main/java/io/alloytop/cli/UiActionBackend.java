package io.alloytop.cli;

import io.alloytop.alloy.Result;
import io.alloytop.forward.AlloyPort;
import io.alloytop.forward.ForwardRunner;
import io.alloytop.forward.ForwardSession;
import io.alloytop.forward.Signal;
import io.alloytop.pprof.CaptureEvent;
import io.alloytop.pprof.ProfileCapture;
import io.alloytop.pprof.ProfileFetcher;
import io.alloytop.pprof.ProfileStore;
import io.alloytop.pprof.ProfileType;
import io.alloytop.ui.ActionBackend;
import io.alloytop.ui.UiOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The monitor's `p` and `f` keys against the target the monitor watches (the demo with --demo). */
final class UiActionBackend implements ActionBackend {
    static final String DEMO_NEEDS_CONFIG = "forwarding needs Alloy's config file: start alloytop with --config-path";

    private final Target target;
    private final UiOptions options;
    private final Set<Signal> signals;
    private final String signalsProblem;
    private final ProfileFetcher fetcher;
    private final ProfileStore store;
    private final Map<String, String> env;

    UiActionBackend(Target target, UiOptions options, Map<String, String> env) {
        this.target = target;
        this.options = options;
        Result<Set<Signal>> s = Signal.parseList(options.signals);
        // a bad --signals is told when `f` is pressed, not as a failure of the whole monitor
        this.signalsProblem = s.isOk() ? null : "--signals: " + s.failureOrNull().message();
        this.signals = s.isOk() ? s.orNull() : Signal.DEFAULT;
        this.fetcher = new ProfileFetcher(target.settings());
        this.store = new ProfileStore(options.profileDir);
        this.env = Map.copyOf(env);
    }

    @Override
    public ProfileCapture capture(ProfileType type, int seconds, Consumer<CaptureEvent> listener) {
        return ProfileCapture.start(fetcher, ProfileStore.hostFor(target.baseUrl()), type, seconds, Clock.systemUTC(), listener);
    }

    @Override
    public ProfileStore store() {
        return store;
    }

    @Override
    public String forwardUnavailable() {
        // the demo's config is built in: there is no file to edit, and looking for one would find the host's
        if (signalsProblem != null) return signalsProblem;
        return target.isDemo() && options.configPath == null ? DEMO_NEEDS_CONFIG : null;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public ForwardSession forwardSession(Map<String, String> extra) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extra);
        return new ForwardSession(AlloyPort.of(target.api()), target.baseUrl(), e, Path.of("/"), Clock.systemUTC(),
                ForwardRunner.Settings.defaults(), ForwardRunner.Sleeper.REAL);
    }

    @Override
    public Path configPath() {
        return options.configPath;
    }

    @Override
    public Set<Signal> signals() {
        return signals;
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
