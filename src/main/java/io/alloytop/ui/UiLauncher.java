package io.alloytop.ui;

import io.alloytop.ui.model.UiState;
import io.alloytop.ui.term.AnsiOutputTerminal;
import io.alloytop.ui.term.ColorProfile;
import io.alloytop.ui.term.TerminalSession;
import io.alloytop.ui.theme.Theme;
import io.alloytop.ui.theme.ThemeLoader;
import com.googlecode.lanterna.TerminalSize;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.utils.InfoCmp;

/**
 * Starts the full-screen monitor, or says why it cannot (not a terminal, TERM=dumb) so the
 * caller can print `check`-style text instead. Owns the order that matters: restore the terminal
 * first, print afterwards — on quit, signals, hang-up and uncaught exceptions alike.
 */
public final class UiLauncher {
    /** Returned when there is no usable terminal; the caller falls back to text output. */
    public static final int NO_TERMINAL = -1;

    private UiLauncher() {}

    /** Null when a full screen is possible, else a one-line reason. */
    public static String unsupportedReason(Map<String, String> env, boolean haveConsole) {
        if (!haveConsole) return "standard input/output is not a terminal";
        String term = env.getOrDefault("TERM", "");
        if (term.isEmpty() || term.equals("dumb")) return "TERM=" + (term.isEmpty() ? "(unset)" : term) + " cannot show a full screen";
        return null;
    }

    /** UTF-8 per LC_ALL, else LC_CTYPE, else LANG (the POSIX order); unset means C, i.e. ASCII. */
    public static boolean utf8Locale(Map<String, String> env) {
        for (String k : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(k);
            if (v != null && !v.isEmpty()) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.contains("utf-8") || l.contains("utf8");
            }
        }
        return false;
    }

    /** Picks the starting theme: --theme, or monochrome when there are no colours, else default. */
    static Theme chooseTheme(ThemeLoader.Themes themes, String wanted, ColorProfile profile, StringBuilder problems) {
        if (wanted != null && !wanted.isBlank()) {
            Theme t = themes.byName(wanted.trim());
            if (t != null) return t;
            problems.append("no theme `").append(wanted).append("` (have ").append(String.join(", ", themes.names())).append("); using default");
        }
        if (profile == ColorProfile.NONE && themes.byName("monochrome") != null) return themes.byName("monochrome");
        return themes.defaultTheme();
    }

    public static int launch(UiOptions o, String target, boolean insecure, Duration interval,
                             Supplier<MonitorBackend> backendFactory, LogFeed logs, PrintStream err) {
        Map<String, String> env = System.getenv();
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        if (unsupportedReason(env, System.console() != null) != null) return NO_TERMINAL;
        TerminalSession session;
        try {
            session = TerminalSession.open();
        } catch (IOException | RuntimeException | LinkageError e) {
            return NO_TERMINAL;
        }
        if (session == null) return NO_TERMINAL;

        Integer maxColors = null;
        try {
            maxColors = session.jline().getNumericCapability(InfoCmp.Capability.max_colors);
        } catch (RuntimeException ignored) {
            // unknown TERM: no terminfo entry; ColorProfile treats it as a plain 16-colour terminal
        }
        ColorProfile profile = ColorProfile.detect(o.color, env, maxColors);
        boolean utf8 = utf8Locale(env);
        boolean ascii = o.ascii || !utf8;
        ThemeLoader.Themes themes = ThemeLoader.load(env);
        StringBuilder problems = new StringBuilder();
        Theme theme = chooseTheme(themes, o.theme, profile, problems);

        AnsiOutputTerminal out = new AnsiOutputTerminal(session.output(),
                utf8 ? java.nio.charset.StandardCharsets.UTF_8 : session.jline().outputEncoding(), profile, () -> {
                    var s = session.size();
                    return new TerminalSize(s.getColumns(), s.getRows());
                });
        MonitorBackend backend = backendFactory.get();
        MonitorApp app = new MonitorApp(session, out, backend, Clock.systemUTC(), o.mouse, logs);

        Thread hook = new Thread(() -> boundedRestore(app), "alloytop-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, ex) -> {
            boundedRestore(app);
            System.err.println("alloytop: internal error in " + t.getName() + ": " + ex);
            if (System.getenv("ALLOYTOP_DEBUG") != null) ex.printStackTrace();
            Runtime.getRuntime().halt(3);
        });
        Clock clock = Clock.systemUTC();
        UiState initial = UiState.initial(target, insecure, interval, themes, theme, ascii, clock.instant(), 80, 24);
        if (problems.length() > 0) initial = io.alloytop.ui.model.Update.say(initial, problems.toString());
        if (logs != null && logs.source() == null && logs.note() != null) {
            String note = logs.note();
            initial = initial.with(b -> b.logsNote = io.alloytop.text.Sanitizer.line(note));
        }
        int code;
        try {
            code = app.run(initial, err);
        } catch (Throwable ex) {
            boundedRestore(app);
            err.println("alloytop: internal error: " + ex);
            if (System.getenv("ALLOYTOP_DEBUG") != null) ex.printStackTrace(err);
            code = 3;
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down (signal): the hook has run or will run, and restore is idempotent
        }
        return code;
    }

    /** A hung terminal (stuck SSH) must not keep the process from exiting: give restore one second. */
    private static void boundedRestore(MonitorApp app) {
        Thread t = new Thread(app::restore, "alloytop-restore-once");
        t.setDaemon(true);
        t.start();
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
