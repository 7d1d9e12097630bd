package io.alloytop.cli;

import io.alloytop.logs.LogSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where Alloy's logs come from; shared by the monitor and `alloytop logs`. Mixed into the root
 * command only, with picocli's INHERIT scope: `alloytop --unit X` (monitor), `alloytop --unit X logs`
 * and `alloytop logs --unit X` all set the same fields, read through {@code Main.logOptions}.
 * (A second mixin on `logs` would clash with the inherited copies of the same names.)
 */
@picocli.CommandLine.Command(addMethodSubcommands = false) // a mixin: nothing to scan for
public final class LogOptions {
    @Option(scope = ScopeType.INHERIT, names = "--logs", paramLabel = "SOURCE", defaultValue = "auto",
            converter = ModeConverter.class,
            description = "log source: journal, gateway, file, none or auto (default: ${DEFAULT-VALUE})")
    LogSettings.Mode mode = LogSettings.Mode.AUTO;

    @Option(scope = ScopeType.INHERIT, names = "--unit", paramLabel = "UNIT", defaultValue = LogSettings.DEFAULT_UNIT,
            description = "systemd unit whose journal to read (default: ${DEFAULT-VALUE})")
    String unit = LogSettings.DEFAULT_UNIT;

    @Option(scope = ScopeType.INHERIT, names = "--journal-dir", paramLabel = "DIR",
            description = "read journal files from DIR (copied from another host) instead of the system journal")
    Path journalDir;

    @Option(scope = ScopeType.INHERIT, names = "--journal-url", paramLabel = "URL",
            description = "systemd-journal-gatewayd to read from, e.g. http://host:19531")
    String journalUrl;

    @Option(scope = ScopeType.INHERIT, names = "--log-file", paramLabel = "PATH",
            description = "follow a plain log file (across rotation) instead of the journal")
    Path logFile;

    @Option(scope = ScopeType.INHERIT, names = "--log-lines", paramLabel = "N", defaultValue = "10000",
            description = "log lines kept in memory and loaded at start (default: ${DEFAULT-VALUE})")
    int logLines = LogSettings.DEFAULT_LINES;

    /** The settings, with an explicit backlog (the `logs` command's -n) or the ring size. */
    public LogSettings settings(Integer backlog, boolean follow) {
        if (logLines < 1) throw new UserError("--log-lines must be at least 1");
        int n = backlog != null ? backlog : logLines;
        if (n < 0) throw new UserError("-n must not be negative");
        return new LogSettings(mode, unit, journalDir, journalUrl, logFile, n, follow);
    }

    /** For the monitor: follow, with --log-lines of backlog. */
    public LogSettings settings() {
        return settings(null, true);
    }

    /** Whether a source was asked for by name or path (the demo keeps its own lines otherwise). */
    public boolean explicit() {
        return mode != LogSettings.Mode.AUTO || journalDir != null || journalUrl != null || logFile != null;
    }

    public int ringSize() {
        return Math.max(1, logLines);
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<LogSettings.Mode> {
        @Override
        public LogSettings.Mode convert(String value) {
            try {
                return LogSettings.Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a log source (journal, gateway, file, none, auto)");
            }
        }
    }
}
