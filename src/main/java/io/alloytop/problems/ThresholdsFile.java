package io.alloytop.problems;

import io.alloytop.alloy.Result;
import io.alloytop.alloy.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads problem thresholds from alloytop's config file: `key = value` lines, `#` comments.
 * Keys: problems.stall_polls, problems.stall_min_quiet, problems.retry_polls, problems.lag_seconds,
 * problems.lag_polls, problems.unknown_for, problems.eval_queue, problems.flap_restarts,
 * problems.flap_window, problems.restart_memory. Durations as 30s, 2m, 1h. Keys of other sections
 * are ignored here; an unknown problems.* key is an error naming file, line and key.
 */
public final class ThresholdsFile {
    private ThresholdsFile() {}

    /** $XDG_CONFIG_HOME/alloytop/alloytop.conf, else ~/.config/alloytop/alloytop.conf. */
    public static Path defaultPath() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("alloytop").resolve("alloytop.conf");
    }

    /** Defaults when the file does not exist; an error value when it exists but is wrong. */
    public static Result<Thresholds> load(Path file) {
        if (!Files.exists(file)) return Result.ok(Thresholds.DEFAULT);
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Result.err(Failure.Kind.IO, file + ": cannot read: " + e.getMessage());
        }
    }

    public static Result<Thresholds> parse(String name, List<String> lines) {
        Thresholds t = Thresholds.DEFAULT;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String where = name + ":" + (i + 1) + ": ";
            if (eq < 0) return Result.err(Failure.Kind.BAD_RESPONSE, where + "expected key = value");
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!key.startsWith("problems.")) continue;
            try {
                t = with(t, key.substring("problems.".length()), value);
            } catch (IllegalArgumentException e) {
                return Result.err(Failure.Kind.BAD_RESPONSE, where + key + ": " + e.getMessage());
            }
        }
        return Result.ok(t);
    }

    private static Thresholds with(Thresholds t, String key, String v) {
        switch (key) {
            case "stall_polls": return new Thresholds(count(v), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "stall_min_quiet": return new Thresholds(t.stallPolls(), duration(v), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "retry_polls": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), count(v), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "lag_seconds": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), number(v),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "lag_polls": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    count(v), t.unknownFor(), t.evalQueue(), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "unknown_for": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), duration(v), t.evalQueue(), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "eval_queue": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), number(v), t.flapRestarts(), t.flapWindow(), t.restartMemory());
            case "flap_restarts": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), count(v), t.flapWindow(), t.restartMemory());
            case "flap_window": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), t.flapRestarts(), duration(v), t.restartMemory());
            case "restart_memory": return new Thresholds(t.stallPolls(), t.stallMinQuiet(), t.retryPolls(), t.lagSeconds(),
                    t.lagPolls(), t.unknownFor(), t.evalQueue(), t.flapRestarts(), t.flapWindow(), duration(v));
            default: throw new IllegalArgumentException("unknown key");
        }
    }

    private static int count(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 1000) throw new IllegalArgumentException("must be a whole number from 1 to 1000");
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static double number(String v) {
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) throw new IllegalArgumentException("must be 0 or more");
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }

    private static Duration duration(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(v);
        if (!m.matches()) throw new IllegalArgumentException("'" + v + "' is not a duration (examples: 30s, 2m, 1h)");
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            default: return Duration.ofHours(n);
        }
    }
}
