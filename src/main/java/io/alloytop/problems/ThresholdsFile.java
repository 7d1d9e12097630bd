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
        Builder t = new Builder(Thresholds.DEFAULT);
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
                t.set(key.substring("problems.".length()), value);
            } catch (IllegalArgumentException e) {
                return Result.err(Failure.Kind.BAD_RESPONSE, where + key + ": " + e.getMessage());
            }
        }
        return Result.ok(t.build());
    }

    /** The record's fields as the file names them, set one key at a time, then built once. */
    private static final class Builder {
        int stallPolls, retryPolls, lagPolls, flapRestarts;
        Duration stallMinQuiet, unknownFor, flapWindow, restartMemory;
        double lagSeconds, evalQueue;

        Builder(Thresholds t) {
            stallPolls = t.stallPolls();
            stallMinQuiet = t.stallMinQuiet();
            retryPolls = t.retryPolls();
            lagSeconds = t.lagSeconds();
            lagPolls = t.lagPolls();
            unknownFor = t.unknownFor();
            evalQueue = t.evalQueue();
            flapRestarts = t.flapRestarts();
            flapWindow = t.flapWindow();
            restartMemory = t.restartMemory();
        }

        void set(String key, String v) {
            switch (key) {
                case "stall_polls": stallPolls = count(v); break;
                case "stall_min_quiet": stallMinQuiet = duration(v); break;
                case "retry_polls": retryPolls = count(v); break;
                case "lag_seconds": lagSeconds = number(v); break;
                case "lag_polls": lagPolls = count(v); break;
                case "unknown_for": unknownFor = duration(v); break;
                case "eval_queue": evalQueue = number(v); break;
                case "flap_restarts": flapRestarts = count(v); break;
                case "flap_window": flapWindow = duration(v); break;
                case "restart_memory": restartMemory = duration(v); break;
                default: throw new IllegalArgumentException("unknown key");
            }
        }

        Thresholds build() {
            return new Thresholds(stallPolls, stallMinQuiet, retryPolls, lagSeconds, lagPolls, unknownFor, evalQueue,
                    flapRestarts, flapWindow, restartMemory);
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
