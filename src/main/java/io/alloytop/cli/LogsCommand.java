package io.alloytop.cli;

import io.alloytop.logs.Level;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogFilter;
import io.alloytop.logs.LogFormat;
import io.alloytop.logs.LogSettings;
import io.alloytop.logs.LogSink;
import io.alloytop.logs.LogSource;
import io.alloytop.logs.LogSources;
import io.alloytop.text.Sanitizer;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `alloytop logs`: Alloy's logs from the same sources and parser as the monitor, sanitised, for pipes. */
@Command(name = "logs", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = {"Print Alloy's own logs (journal, gatewayd or a file), parsed and made safe for a terminal.",
                "Control characters and escape sequences in log text are shown as visible symbols (␛[2J)."})
final class LogsCommand implements Callable<Integer> {
    enum Output { TEXT, JSON }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Main parent;

    @Option(names = {"-f", "--follow"}, description = "keep printing new entries until interrupted")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
            description = "past entries to print, counted before filtering (default: ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--level", paramLabel = "LEVEL", description = "only this level and above: debug, info, warn, error")
    String level;

    @Option(names = "--component", paramLabel = "ID", description = "only this component's lines (and its module's children)")
    String component;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputConverter.class, description = "text or json (one object a line)")
    Output output = Output.TEXT;

    /** The root's (inherited) log flags; a fresh default set when run without the root (tests). */
    LogOptions logOptions() {
        return parent != null ? parent.logOptions : new LogOptions();
    }

    @Override
    public Integer call() throws InterruptedException {
        LogFilter filter = new LogFilter(parseLevel(level), component);
        LogSettings settings = logOptions().settings(lines, follow);
        if (parent != null && parent.global.demo()) return runDemo(filter);
        return run(LogSources.select(settings), filter);
    }

    /** --demo: the embedded Alloy's generated lines, through the same parser and printer. */
    private int runDemo(LogFilter filter) throws InterruptedException {
        DemoAlloy demo;
        try {
            demo = DemoAlloy.start(DemoOptions.defaults());
        } catch (IOException e) {
            throw new UserError("--demo: the embedded Alloy did not start: " + e.getMessage());
        }
        try (demo) {
            return run(new LogSources.Choice(DemoLogFeed.source(demo.logs(), lines, follow), null, false), filter);
        }
    }

    private int run(LogSources.Choice choice, LogFilter filter) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (choice.source() == null) {
            err.println("alloytop: " + Sanitizer.line(choice.reason()));
            err.flush();
            return ExitCodes.FAILED; // nothing to print either way; the message says whether it was asked for
        }
        Printer printer = new Printer(out, err, filter, output);
        try (LogSource source = choice.source()) {
            Thread hook = new Thread(source::close, "alloytop-logs-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            source.start(printer);
            printer.done.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: nothing to undo
            }
        }
        out.flush();
        if (printer.printed == 0 && !printer.failed && !follow) {
            err.println("alloytop: no log entries (" + Sanitizer.line(choice.source().describe()) + ")");
            err.flush();
        }
        return printer.failed && printer.printed == 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static Level parseLevel(String s) {
        if (s == null) return Level.UNKNOWN;
        Level l = Level.parse(s);
        if (l == Level.UNKNOWN) throw new UserError("--level: '" + s + "' is not one of debug, info, warn, error");
        return l;
    }

    /** Prints from the source's thread; ends the command when the source finishes or stdout is gone. */
    private static final class Printer implements LogSink {
        final CountDownLatch done = new CountDownLatch(1);
        private final PrintWriter out;
        private final PrintWriter err;
        private final LogFilter filter;
        private final Output output;
        volatile boolean failed;
        volatile long printed;

        Printer(PrintWriter out, PrintWriter err, LogFilter filter, Output output) {
            this.out = out;
            this.err = err;
            this.filter = filter;
            this.output = output;
        }

        @Override
        public synchronized void entries(List<LogEntry> batch) {
            for (LogEntry e : batch) {
                if (!filter.matches(e)) continue;
                out.println(output == Output.JSON ? LogFormat.json(e) : LogFormat.text(e));
                printed++;
            }
            out.flush();
            // reader went away (| head, SSH drop): stop quietly. picocli's writer wraps System.out in an
            // OutputStreamWriter, so the PrintStream keeps the error to itself: ask it too.
            if (out.checkError() || System.out.checkError()) done.countDown();
        }

        @Override
        public synchronized void status(String message, boolean error) {
            if (error) failed = true;
            err.println("alloytop: " + Sanitizer.line(message));
            err.flush();
        }

        @Override
        public void finished() {
            done.countDown();
        }
    }

    static final class OutputConverter implements CommandLine.ITypeConverter<Output> {
        @Override
        public Output convert(String value) {
            try {
                return Output.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an output format (text, json)");
            }
        }
    }
}
