package io.alloytop.cli;

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

    /** Name → factory, so a command line that names one sub-command only builds that one. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> ALL = new java.util.LinkedHashMap<>();

    static {
        ALL.put("check", CheckCommand::new);
        ALL.put("demo-server", DemoServerCommand::new);
        ALL.put("logs", LogsCommand::new);
        ALL.put("profile", ProfileCommand::new);
        ALL.put("forward", ForwardCommand::new);
    }

    static void register(CommandLine cl) {
        for (var e : ALL.entrySet()) cl.addSubcommand(e.getKey(), e.getValue().get());
    }

    /**
     * The command line for these arguments with only the sub-command they name registered:
     * picocli's reflection over every command costs tens of milliseconds of a `check` meant to
     * answer in a blink, and of the monitor's first frame. No sub-command named: none. Help gets
     * them all, and so do arguments that fail to parse this way (a typo that deserves "did you mean
     * check?", an option value that names a command): they are parsed again by the whole tree,
     * whose message is the one shown. Parsing first to find out would cost a second cold parse,
     * ~20 ms, on every start.
     */
    static CommandLine forArgs(String[] args, java.util.function.Supplier<CommandLine> root) {
        CommandLine cl = root.get();
        if (asksForHelp(args)) {
            register(cl);
            return cl;
        }
        String named = named(args);
        if (named != null) cl.addSubcommand(named, ALL.get(named).get());
        cl.setParameterExceptionHandler((ex, again) -> {
            CommandLine whole = root.get();
            register(whole);
            return whole.execute(again);
        });
        return cl;
    }

    /** The first argument that is a sub-command's name, or null (the monitor). */
    static String named(String[] args) {
        for (String a : args) if (ALL.containsKey(a)) return a;
        return null;
    }

    static boolean asksForHelp(String[] args) {
        for (String a : args) if (a.equals("-h") || a.equals("--help") || a.equals("help")) return true;
        return false;
    }

    /** No sub-command: the full-screen monitor, or `check` output with a hint when there is no usable terminal. */
    static int runMonitor(GlobalOptions global, UiOptions ui, LogOptions logOptions) {
        String why = UiLauncher.unsupportedReason(System.getenv(), System.console() != null);
        if (why != null) return textFallback(global, why);
        int code;
        try (Target target = Target.open(global)) {
            code = UiLauncher.launch(ui, target.baseUrl(), target.settings().insecureSkipVerify(), global.interval(),
                    () -> new PollerBackend(target, global.interval()), logFeed(target, logOptions),
                    () -> new UiActionBackend(target, ui, System.getenv()), System.err);
        }
        return code == UiLauncher.NO_TERMINAL ? textFallback(global, "this terminal cannot show a full screen") : code;
    }

    /**
     * The demo's own log lines with --demo (unless a source is named: `--demo --log-file F` shows F);
     * otherwise the source the log flags choose (--logs auto: the journal of --unit, ...), or the
     * reason there are none.
     */
    static LogFeed logFeed(Target target, LogOptions logOptions) {
        if (target.demoAlloy() != null && !logOptions.explicit()) return new LogFeed(new DemoLogSource(target.demoAlloy().logs()), logOptions.ringSize(), null);
        LogSources.Choice c = LogSources.select(logOptions.settings());
        return c.source() != null ? new LogFeed(c.source(), logOptions.ringSize(), null) : LogFeed.none(c.reason());
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
