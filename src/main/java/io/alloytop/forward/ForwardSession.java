package io.alloytop.forward;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The forwarding feature as the CLI and the UI use it: {@link #prepare} finds the config and plans
 * the change (reads only), {@link #execute} carries it out with step events, {@link #status}
 * reports. Blocking; call off the UI thread.
 */
public final class ForwardSession {
    /** What the user chose. {@code configPath} null means "find it". */
    public record Options(Set<Signal> signals, Path configPath, boolean hostMetrics, String journalUnit) {
        public Options {
            signals = Set.copyOf(signals);
            journalUnit = journalUnit == null ? "alloy.service" : journalUnit;
        }
    }

    /** A plan ready to run, with what it was computed from. */
    public record Prepared(ForwardPlan plan, ConfigOnDisk disk, CloudSettings cloud) {}

    private final AlloyPort alloy;
    private final String alloyBaseUrl;
    private final Map<String, String> env;
    private final Path root;
    private final Clock clock;
    private final ForwardRunner.Settings settings;
    private final ForwardRunner.Sleeper sleeper;
    private Preflight preflight;
    private ExternalValidator validator;
    private ConfigFiles files = new PosixConfigFiles();

    public ForwardSession(AlloyPort alloy, String alloyBaseUrl, Map<String, String> env, Path root, Clock clock,
            ForwardRunner.Settings settings, ForwardRunner.Sleeper sleeper) {
        this.alloy = alloy;
        this.alloyBaseUrl = alloyBaseUrl;
        this.env = env;
        this.root = root;
        this.clock = clock;
        this.settings = settings;
        this.sleeper = sleeper;
        this.validator = null;
    }

    /** Replaces the real pre-flight (tests point it at loopback servers or stub it). */
    public ForwardSession withPreflight(Preflight p) {
        this.preflight = p;
        return this;
    }

    public ForwardSession withValidator(ExternalValidator v) {
        this.validator = v;
        return this;
    }

    public ForwardSession withFiles(ConfigFiles f) {
        this.files = f;
        return this;
    }

    public Path stateDir() {
        return StateDir.resolve(env);
    }

    private Optional<AlloyProcess> localAlloy() {
        List<AlloyProcess> ps = AlloyProcess.find(root.resolve("proc"));
        return ps.isEmpty() ? Optional.empty() : Optional.of(ps.get(0));
    }

    /** host:port Alloy serves on, for the profile scrape target: its listen flag, else --url's authority. */
    String alloyAddress(Optional<AlloyProcess> proc) {
        Optional<String> flag = proc.flatMap(AlloyProcess::listenAddress);
        if (flag.isPresent()) return flag.get();
        try {
            URI u = URI.create(alloyBaseUrl.contains("://") ? alloyBaseUrl : "http://" + alloyBaseUrl);
            int port = u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
            return u.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return "127.0.0.1:12345";
        }
    }

    public Result<Prepared> prepare(ForwardPlan.Action action, Options o) {
        Result<ConfigLocation> loc = new ConfigLocator(root).locate(o.configPath());
        if (!loc.isOk()) return Result.err(loc.failureOrNull());
        Result<ConfigOnDisk> disk = ConfigOnDisk.read(loc.orNull());
        if (!disk.isOk()) return Result.err(disk.failureOrNull());
        Optional<AlloyProcess> proc = localAlloy();
        CloudSettings cloud = CloudSettings.fromEnv(env);
        PlanRequest req = new PlanRequest(action, o.signals(), o.hostMetrics(), cloud,
                proc.flatMap(AlloyProcess::environment), proc.flatMap(AlloyProcess::uid), alloyAddress(proc),
                o.journalUnit());
        Result<ForwardPlan> plan = Planner.plan(req, disk.orNull());
        if (!plan.isOk()) return Result.err(plan.failureOrNull());
        return Result.ok(new Prepared(plan.orNull(), disk.orNull(), cloud));
    }

    public ForwardRunner.Outcome execute(Prepared p, Consumer<ForwardStep> events) {
        Preflight pf = preflight != null ? preflight : new HttpPreflight(p.cloud(), Duration.ofSeconds(10));
        ExternalValidator v = validator != null ? validator : AlloyBinaryValidator.onPath(env.get("PATH"),
                localAlloy().map(a -> AlloyBinaryValidator.validateFlags(a.argv())).orElse(List.of()));
        Path state = stateDir();
        ForwardRunner runner = new ForwardRunner(alloy, files, new Backups(state.resolve("backups"), clock), pf, v,
                clock, sleeper, settings, new Redactor(p.cloud().secrets()), state);
        return runner.run(p.plan(), events);
    }

    /** Status from the config on disk and two looks at Alloy {@code window} apart. */
    public Result<ForwardStatus.Report> status(Path configPath, Duration window) throws InterruptedException {
        Result<ConfigLocation> loc = new ConfigLocator(root).locate(configPath);
        if (!loc.isOk()) return Result.err(loc.failureOrNull());
        Result<ConfigOnDisk> disk = ConfigOnDisk.read(loc.orNull());
        if (!disk.isOk()) return Result.err(disk.failureOrNull());
        Result<List<Component>> comps = alloy.components();
        Result<MetricsSnapshot> m0 = alloy.metrics();
        Instant t0 = clock.instant();
        Result<MetricsSnapshot> m1 = m0;
        if (m0.isOk()) {
            sleeper.sleep(window);
            m1 = alloy.metrics();
        }
        Duration between = Duration.between(t0, clock.instant());
        return Result.ok(ForwardStatus.compute(disk.orNull(), comps.isOk() ? comps.orNull() : null,
                m0.isOk() ? m0.orNull() : null, m1.isOk() ? m1.orNull() : null, between, ForwardState.load(stateDir())));
    }


    /** Whether the config holds alloytop's block (or file): what the UI's `f` key toggles. Reads files only. */
    public Result<Boolean> isOn(Path configPath) {
        Result<ConfigLocation> loc = new ConfigLocator(root).locate(configPath);
        if (!loc.isOk()) return Result.err(loc.failureOrNull());
        Result<ConfigOnDisk> disk = ConfigOnDisk.read(loc.orNull());
        if (!disk.isOk()) return Result.err(disk.failureOrNull());
        return Result.ok(!ForwardStatus.managedIds(disk.orNull()).isEmpty());
    }
}
