package io.alloytop.cli;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Result;
import io.alloytop.poll.ScrapeDetails;
import io.alloytop.problems.Detector;
import io.alloytop.problems.Observation;
import io.alloytop.problems.Observer;
import io.alloytop.problems.Thresholds;
import io.alloytop.problems.ThresholdsFile;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Fetch;
import io.alloytop.poll.Poller;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * `alloytop check`: one poll (the poller's own fetch and rules), one verdict, an exit code.
 *
 * <p>CPU % needs two scrapes. By default a second /metrics is taken {@code --cpu-sample} (1 s)
 * after the first, so the figure is current; {@code --cpu-sample 0} skips the wait and reports
 * process_cpu_seconds_total / uptime instead, labelled "average since start".
 */
@Command(name = "check", mixinStandardHelpOptions = true, addMethodSubcommands = false, versionProvider = VersionProvider.class,
        description = "Is the Alloy on this host OK? One line plus details; for on-call and scripts.",
        footer = {"", "Exit codes: 0 all healthy; 1 degraded (a component unhealthy, exited or",
            "unknown, the last config load failed, or a data-loss problem such as",
            "drops, failures, retries, a target down, a restart); 2 unreachable, not",
            "Alloy, auth refused, or not ready. Stalls and growing lag need history:",
            "use --watch 1m (or the full-screen UI).",
            "JSON fields: status, exitCode, summary, target, checkedAt, error, alloy,",
            "config, components, resources, problems (see README)."})
final class CheckCommand implements Callable<Integer> {
    enum Output { text, json }

    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json",
            description = "text (default) or json (one document)")
    Output output;

    @Option(names = "--cpu-sample", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "wait between two /metrics scrapes for CPU %% (default: ${DEFAULT-VALUE}; 0 = average since start)")
    Duration cpuSample;

    @Option(names = "--watch", defaultValue = "0s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "keep polling at --interval for this long before the verdict, so stalls and growing"
                    + " lag can be seen (default: ${DEFAULT-VALUE} = two samples only)")
    Duration watch;

    @Override
    public Integer call() {
        GlobalOptions g = parent.global;
        PrintWriter out = spec.commandLine().getOut();
        try (Target target = Target.open(g);
             Poller poller = new Poller(target.api(), Clock.systemUTC(), g.interval(), target.isLocal(), s -> {}, null)) {
            if (target.settings().insecureSkipVerify()) {
                spec.commandLine().getErr().println("alloytop: warning: TLS certificate verification is off (--insecure-skip-verify)");
            }
            Result<Thresholds> thresholds = ThresholdsFile.load(ThresholdsFile.defaultPath());
            if (!thresholds.isOk()) throw new UserError(thresholds.failureOrNull().message());
            CheckReport report;
            try (Observer observer = new Observer(new Detector(thresholds.orNull()),
                    ScrapeDetails.defaults(target.api()), o -> {})) {
                report = run(target.api(), poller, observer, cpuSample, watch, g.interval(), CheckCommand::sleep);
            }
            out.print(output == Output.json ? report.json() : report.text());
            out.flush();
            return report.exitCode();
        }
    }

    /** The text fallback's check: thresholds from the config file (defaults when it is unusable), no --watch. */
    static CheckReport run(AlloyApi api, Poller poller, Duration cpuSample) {
        Result<Thresholds> t = ThresholdsFile.load(ThresholdsFile.defaultPath());
        try (Observer observer = new Observer(new Detector(t.isOk() ? t.orNull() : Thresholds.DEFAULT),
                ScrapeDetails.defaults(api), o -> {})) {
            return run(api, poller, observer, cpuSample, Duration.ZERO, Duration.ofSeconds(2), CheckCommand::sleep);
        }
    }

    /** One poll, a second /metrics for CPU, then --watch more polls; the detector sees every one. */
    static CheckReport run(AlloyApi api, Poller poller, Observer observer, Duration cpuSample, Duration watch,
                           Duration interval, Consumer<Duration> sleeper) {
        Fetch first = poller.fetch();
        AlloySnapshot s = poller.absorb(first);
        Observation o = observer.observe(s);
        s = o.snapshot();
        CheckReport.Cpu cpu = CheckReport.Cpu.UNKNOWN;
        if (s.reachable() && s.isAlloy()) {
            if (!cpuSample.isZero() && !cpuSample.isNegative()) {
                sleeper.accept(cpuSample);
                AlloySnapshot second = poller.absorb(new Fetch(api.metrics(), first.components(), first.ready()));
                if (second.reachable() && !Double.isNaN(second.stats().alloyCpuPercent())) {
                    double span = Duration.between(s.at(), second.at()).toMillis() / 1000.0;
                    cpu = new CheckReport.Cpu(second.stats().alloyCpuPercent(), "sample", span);
                    o = observer.observe(second);
                    s = o.snapshot();
                }
            }
            if (!watch.isZero() && !watch.isNegative()) {
                long polls = Math.max(1, watch.toMillis() / Math.max(1, interval.toMillis()));
                for (long i = 0; i < polls; i++) {
                    sleeper.accept(interval);
                    Observation next = observer.observe(poller.pollOnce());
                    if (!next.snapshot().reachable()) {
                        o = next; // Alloy went away while watched: that is the verdict
                        s = next.snapshot();
                        break;
                    }
                    o = next;
                    s = next.snapshot();
                }
            }
            if (Double.isNaN(cpu.percent())) cpu = averageSinceStart(s);
        }
        return CheckReport.of(s, cpu, Instant.now(), o.report().problems());
    }

    private static CheckReport.Cpu averageSinceStart(AlloySnapshot s) {
        MetricsSnapshot m = s.metrics();
        if (m == null || Double.isNaN(s.startEpochSeconds())) return CheckReport.Cpu.UNKNOWN;
        OptionalDouble total = m.first("process_cpu_seconds_total");
        if (total.isEmpty()) total = m.first("alloy_resources_process_cpu_seconds_total");
        double up = s.at().toEpochMilli() / 1000.0 - s.startEpochSeconds();
        if (total.isEmpty() || up <= 0) return CheckReport.Cpu.UNKNOWN;
        return new CheckReport.Cpu(total.getAsDouble() / up * 100.0, "average_since_start", Double.NaN);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
