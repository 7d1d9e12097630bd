package io.alloytop.cli;

import io.alloytop.alloy.AlloyApi;
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
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Is the Alloy on this host OK? One line plus details; for on-call and scripts.",
        footer = {"", "Exit codes: 0 all healthy; 1 degraded (a component unhealthy, exited or",
            "unknown, or the last config load failed); 2 unreachable, not Alloy, auth",
            "refused, or not ready.",
            "JSON fields: status, exitCode, summary, target, checkedAt, error, alloy,",
            "config, components, resources (see README)."})
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

    @Override
    public Integer call() {
        GlobalOptions g = parent.global;
        PrintWriter out = spec.commandLine().getOut();
        try (Target target = Target.open(g);
             Poller poller = new Poller(target.api(), Clock.systemUTC(), g.interval(), target.isLocal(), s -> {}, null)) {
            if (target.settings().insecureSkipVerify()) {
                spec.commandLine().getErr().println("alloytop: warning: TLS certificate verification is off (--insecure-skip-verify)");
            }
            CheckReport report = run(target.api(), poller, cpuSample);
            out.print(output == Output.json ? report.json() : report.text());
            out.flush();
            return report.exitCode();
        }
    }

    static CheckReport run(AlloyApi api, Poller poller, Duration cpuSample) {
        Fetch first = poller.fetch();
        AlloySnapshot s = poller.absorb(first);
        CheckReport.Cpu cpu = CheckReport.Cpu.UNKNOWN;
        if (s.reachable() && s.isAlloy()) {
            if (!cpuSample.isZero() && !cpuSample.isNegative()) {
                sleep(cpuSample);
                AlloySnapshot second = poller.absorb(new Fetch(api.metrics(), first.components(), first.ready()));
                if (second.reachable() && !Double.isNaN(second.stats().alloyCpuPercent())) {
                    double span = Duration.between(s.at(), second.at()).toMillis() / 1000.0;
                    cpu = new CheckReport.Cpu(second.stats().alloyCpuPercent(), "sample", span);
                    s = second;
                }
            }
            if (Double.isNaN(cpu.percent())) cpu = averageSinceStart(s);
        }
        return CheckReport.of(s, cpu, Instant.now());
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
