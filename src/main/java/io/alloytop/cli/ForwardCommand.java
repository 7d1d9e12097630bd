package io.alloytop.cli;

import io.alloytop.alloy.Result;
import io.alloytop.forward.AlloyPort;
import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardRunner;
import io.alloytop.forward.ForwardSession;
import io.alloytop.forward.ForwardStatus;
import io.alloytop.forward.ForwardText;
import io.alloytop.forward.Signal;
import io.alloytop.forward.SignalStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `alloytop forward on|off|status`: Alloy's own telemetry to Grafana Cloud, changed safely. */
@Command(name = "forward", mixinStandardHelpOptions = true, addMethodSubcommands = false, versionProvider = VersionProvider.class,
        subcommands = {ForwardCommand.On.class, ForwardCommand.Off.class, ForwardCommand.Status.class},
        description = {"Switch Alloy's self-monitoring forwarding to Grafana Cloud on or off, or show its state.",
            "Endpoints and key come from GCLOUD_HOSTED_{METRICS,LOGS,PROFILES,TRACES}_{URL,ID} and GCLOUD_RW_API_KEY."},
        footer = {"", "Exit codes: 0 done (or nothing to do); 1 status shows a failing signal; 2 Alloy unreachable;",
            "3 refused or failed (every file was put back as it was)."})
final class ForwardCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Options shared by on, off and status. */
    @Command(addMethodSubcommands = false) // a mixin: nothing to scan for
    static final class Shared {
        @Option(names = "--config-path", paramLabel = "PATH",
                description = "Alloy's config file or directory (default: found from the running alloy, /etc/default/alloy, /etc/sysconfig/alloy, /etc/alloy/config.alloy)")
        Path configPath;

        @Option(names = "--signals", paramLabel = "LIST", defaultValue = "metrics,logs",
                description = "metrics, logs, profiles, traces or all (default: ${DEFAULT-VALUE})")
        String signals;

        @Option(names = "--host-metrics", description = "also send host metrics (prometheus.exporter.unix)")
        boolean hostMetrics;

        @Option(names = "--journal-unit", paramLabel = "UNIT", defaultValue = "alloy.service",
                description = "systemd unit whose journal holds Alloy's logs (default: ${DEFAULT-VALUE})")
        String journalUnit;

        @Option(names = "--verify-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
                description = "how long to wait for the new writers to send (default: ${DEFAULT-VALUE})")
        Duration verifyTimeout;

        ForwardSession.Options options() {
            Result<Set<Signal>> s = Signal.parseList(signals);
            if (!s.isOk()) throw new UserError("--signals: " + s.failureOrNull().message());
            return new ForwardSession.Options(s.orNull(), configPath, hostMetrics, journalUnit);
        }
    }

    static ForwardSession session(Target t, Duration verifyTimeout) {
        ForwardRunner.Settings d = ForwardRunner.Settings.defaults();
        return new ForwardSession(AlloyPort.of(t.api()), t.baseUrl(), System.getenv(), Path.of("/"), Clock.systemUTC(),
                new ForwardRunner.Settings(verifyTimeout, d.pollEvery(), d.measureWindow()), ForwardRunner.Sleeper.REAL);
    }

    static int change(ForwardPlan.Action action, Main main, Shared shared, boolean dryRun, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ForwardSession.Options opts = shared.options();
        try (Target t = Target.open(main.global)) {
            ForwardSession session = session(t, shared.verifyTimeout);
            Result<ForwardSession.Prepared> p = session.prepare(action, opts);
            if (!p.isOk()) {
                err.println("alloytop: " + ForwardText.block(p.failureOrNull().message()));
                return ExitCodes.FAILED;
            }
            ForwardPlan plan = p.orNull().plan();
            for (String n : plan.notes()) out.println("# " + ForwardText.block(n));
            if (dryRun) {
                String diff = plan.diff();
                out.print(diff.isEmpty() ? "# no change\n" : ForwardText.block(diff));
                out.flush();
                return ExitCodes.OK;
            }
            ForwardRunner.Outcome o = session.execute(p.orNull(), s -> {
                out.println(ForwardText.step(s));
                out.flush();
            });
            return o.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "on", mixinStandardHelpOptions = true, addMethodSubcommands = false, description = "Add alloytop's self-monitoring block, reload, verify.")
    static final class On implements Callable<Integer> {
        @ParentCommand
        ForwardCommand fwd;

        @Spec
        CommandSpec spec;

        @Mixin
        Shared shared = new Shared();

        @Option(names = "--dry-run", description = "print the exact change as a unified diff and change nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            return change(ForwardPlan.Action.ON, fwd.parent, shared, dryRun, spec);
        }
    }

    @Command(name = "off", mixinStandardHelpOptions = true, addMethodSubcommands = false, description = "Remove alloytop's block, reload, verify.")
    static final class Off implements Callable<Integer> {
        @ParentCommand
        ForwardCommand fwd;

        @Spec
        CommandSpec spec;

        @Mixin
        Shared shared = new Shared();

        @Option(names = "--dry-run", description = "print the exact change as a unified diff and change nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            return change(ForwardPlan.Action.OFF, fwd.parent, shared, dryRun, spec);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, addMethodSubcommands = false,
            description = "Per signal: off, configured, healthy, sending (rate) or failing (last error); Alloy's overhead.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        ForwardCommand fwd;

        @Spec
        CommandSpec spec;

        @Mixin
        Shared shared = new Shared();

        @Option(names = "--sample", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
                description = "time between the two /metrics looks used for rates and CPU (default: ${DEFAULT-VALUE})")
        Duration sample;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (Target t = Target.open(fwd.parent.global)) {
                Result<ForwardStatus.Report> r = session(t, shared.verifyTimeout).status(shared.configPath, sample);
                if (!r.isOk()) {
                    spec.commandLine().getErr().println("alloytop: " + r.failureOrNull().message());
                    return ExitCodes.FAILED;
                }
                out.print(ForwardText.status(r.orNull()));
                out.flush();
                boolean failing = r.orNull().signals().stream().anyMatch(s -> s.kind() == SignalStatus.Kind.FAILING);
                boolean down = r.orNull().signals().stream().anyMatch(s -> s.detail().equals("Alloy is not answering"));
                return down ? ExitCodes.UNREACHABLE : failing ? ExitCodes.DEGRADED : ExitCodes.OK;
            }
        }
    }
}
