package io.alloytop.logs;

import java.util.function.Function;
import java.nio.file.Path;

/** Chooses and builds the log source for a {@link LogSettings}. */
public final class LogSources {
    private LogSources() {}

    /**
     * The outcome of a choice: a source, or none with the reason, which the UI shows in the logs
     * pane and `alloytop logs` prints (an explicit choice that cannot work is an error; "auto" finding
     * nothing is only a note).
     */
    public record Choice(LogSource source, String reason, boolean error) {
        static Choice of(LogSource s) {
            return new Choice(s, null, false);
        }

        static Choice none(String reason, boolean error) {
            return new Choice(null, reason, error);
        }
    }

    /** Selection with journalctl looked up on PATH. */
    public static Choice select(LogSettings s) {
        return select(s, LogSources::onPath);
    }

    /**
     * AUTO takes, in order: --journal-url (gatewayd), --log-file, --journal-dir, then the local
     * journal when journalctl is installed; otherwise no logs, with the reason.
     *
     * @param which finds a program on PATH (null when absent); injected for tests
     */
    public static Choice select(LogSettings s, Function<String, Path> which) {
        LogSettings.Mode m = s.mode();
        if (m == LogSettings.Mode.AUTO) {
            if (s.journalUrl() != null) m = LogSettings.Mode.GATEWAY;
            else if (s.logFile() != null) m = LogSettings.Mode.FILE;
            else if (s.journalDir() != null || which.apply("journalctl") != null) m = LogSettings.Mode.JOURNAL;
            else return Choice.none("no logs: journalctl is not installed here; use --journal-url http://HOST:19531 "
                        + "or --log-file PATH", false);
        }
        switch (m) {
            case NONE:
                return Choice.none("logs off (--logs none)", false);
            case GATEWAY:
                if (s.journalUrl() == null) return Choice.none("--logs gateway needs --journal-url http://HOST:19531", true);
                try {
                    return Choice.of(new GatewaySource(s.journalUrl(), s.unit(), s.lines(), s.follow()));
                } catch (IllegalArgumentException e) {
                    return Choice.none("--journal-url: " + e.getMessage(), true);
                }
            case FILE:
                if (s.logFile() == null) return Choice.none("--logs file needs --log-file PATH", true);
                return Choice.of(new FileSource(s.logFile(), s.lines(), s.follow()));
            default:
                Path jc = which.apply("journalctl");
                if (jc == null) return Choice.none(JournalctlHints.NOT_INSTALLED, true);
                return Choice.of(new JournalctlSource(jc.toString(), s.unit(), s.journalDir(), s.lines(), s.follow()));
        }
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (java.nio.file.Files.isExecutable(p)) return p.toAbsolutePath();
        }
        return null;
    }
}
