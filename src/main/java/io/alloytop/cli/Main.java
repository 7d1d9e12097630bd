package io.alloytop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Entry point: with no sub-command, the full-screen monitor. */
@Command(name = "alloytop", mixinStandardHelpOptions = true, addMethodSubcommands = false, versionProvider = VersionProvider.class,
        description = "A terminal monitor for Grafana Alloy.",
        footer = {"", "Exit codes of `check`: 0 healthy, 1 degraded, 2 unreachable/not Alloy/auth refused/not ready."})
public final class Main implements Callable<Integer> {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    /** Log source flags, inherited by every sub-command; `logs` and the monitor read them. */
    @Mixin
    LogOptions logOptions = new LogOptions();

    @Mixin
    io.alloytop.ui.UiOptions ui = new io.alloytop.ui.UiOptions();

    @Override
    public Integer call() {
        return Commands.runMonitor(global, ui, logOptions);
    }

    public static void main(String[] args) {
        Warmup.start(args);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; never throws, never prints a stack trace. */
    public static int run(String... args) {
        excludeUnusedConverters();
        return Commands.forArgs(args, () -> configure(new CommandLine(new Main()))).execute(args);
    }

    /** The whole command tree (documentation, completion, tests). */
    public static CommandLine commandLine() {
        excludeUnusedConverters();
        CommandLine cl = configure(new CommandLine(new Main()));
        Commands.register(cl);
        return cl;
    }

    /**
     * picocli registers a converter for every java.sql and java.time type by reflection, loading
     * and initialising those classes (DateTimeFormatter and friends) on every start: ~20 ms of a
     * `check`. No option here takes one (durations go through {@link DurationConverter}).
     */
    static void excludeUnusedConverters() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
    }

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    private static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError) {
                cmd.getErr().println("alloytop: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("alloytop: internal error: " + ex);
            if (System.getenv("ALLOYTOP_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return ExitCodes.FAILED;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("alloytop: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            }
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
