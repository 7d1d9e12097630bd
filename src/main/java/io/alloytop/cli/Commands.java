package io.alloytop.cli;

import io.alloytop.logs.LogSettings;
import io.alloytop.logs.LogSources;
import io.alloytop.poll.Poller;
import io.alloytop.ui.LogFeed;
import io.alloytop.ui.UiLauncher;
import io.alloytop.ui.UiOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine;

/** The sub-commands, one line each, so features add themselves without touching Main. */
final class Commands {
    private Commands() {}

    static void register(CommandLine cl) {
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new DemoServerCommand());
        cl.addSubcommand(new LogsCommand());
        cl.addSubcommand(new ProfileCommand());
        cl.addSubcommand(new ForwardCommand());
    }

    /** No sub-command: the full-screen monitor, or `check` output with a hint when there is no usable terminal. */
    static int runMonitor(GlobalOptions global, UiOptions ui) {
        String why = UiLauncher.unsupportedReason(System.getenv(), System.console() != null);
        if (why != null) return textFallback(global, why);
        int code;
        try (Target target = Target.open(global)) {
            code = UiLauncher.launch(ui, target.baseUrl(), target.settings().insecureSkipVerify(), global.interval(),
                    () -> new PollerBackend(target, global.interval()), logFeed(target), System.err);
        }
        return code == UiLauncher.NO_TERMINAL ? textFallback(global, "this terminal cannot show a full screen") : code;
    }

    /**
     * The demo's own log lines with --demo; otherwise the logs feature's automatic choice (journal of
     * alloy.service, ...) with its defaults, or the reason there are none.
     * TODO(logs): expose --logs/--unit/--journal-url/--log-file on the root command for the monitor.
     */
    private static LogFeed logFeed(Target target) {
        if (target.demoAlloy() != null) return new LogFeed(new DemoLogSource(target.demoAlloy().logs()), LogSettings.DEFAULT_LINES, null);
        LogOptions defaults = new LogOptions();
        LogSources.Choice c = LogSources.select(defaults.settings());
        return c.source() != null ? new LogFeed(c.source(), defaults.ringSize(), null) : LogFeed.none(c.reason());
    }

    /** What `check` prints, preceded by why the full screen is not shown and how to get it. */
    private static int textFallback(GlobalOptions global, String why) {
        System.err.println("alloytop: " + why + "; showing `alloytop check` instead (set TERM, e.g. TERM=xterm-256color, "
                + "in an interactive terminal for the monitor)");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (Target target = Target.open(global);
             Poller poller = new Poller(target.api(), Clock.systemUTC(), global.interval(), target.isLocal(), s -> {}, null)) {
            CheckReport report = CheckCommand.run(target.api(), poller, Duration.ofSeconds(1));
            out.print(report.text());
            out.flush();
            return report.exitCode();
        }
    }
}
