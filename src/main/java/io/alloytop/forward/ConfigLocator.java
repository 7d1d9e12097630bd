package io.alloytop.forward;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds Alloy's config: --config-path; else the running alloy's command line; else CONFIG_FILE in
 * the packaging environment file; else the packaged default path. {@code root} is "/" in real use.
 */
public final class ConfigLocator {
    private final Path root;

    public ConfigLocator(Path root) {
        this.root = root;
    }

    public Result<ConfigLocation> locate(Path explicit) {
        if (explicit != null) return existing(explicit, "--config-path");
        List<AlloyProcess> procs = AlloyProcess.find(root.resolve("proc"));
        for (AlloyProcess p : procs) {
            Optional<Path> arg = p.configArgument();
            if (arg.isPresent()) return existing(arg.get(), "the command line of alloy (pid " + p.pid() + ")");
        }
        for (String envFile : List.of("etc/default/alloy", "etc/sysconfig/alloy")) {
            Optional<String> cf = configFileFrom(root.resolve(envFile));
            if (cf.isPresent()) return existing(rooted(cf.get()), "CONFIG_FILE in /" + envFile);
        }
        return existing(root.resolve("etc/alloy/config.alloy"), "the packaged default path");
    }

    private Path rooted(String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? root.resolve(path.toString().substring(1)) : root.resolve(path);
    }

    private static Result<ConfigLocation> existing(Path p, String how) {
        if (Files.isDirectory(p)) return Result.ok(new ConfigLocation(p, true, how));
        if (Files.isRegularFile(p)) return Result.ok(new ConfigLocation(p, false, how));
        return Result.err(Failure.Kind.IO, "Alloy's config " + p + " (from " + how + ") does not exist");
    }

    /** Reads {@code CONFIG_FILE=...} from a shell-style environment file, unquoting simple quotes. */
    static Optional<String> configFileFrom(Path envFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(envFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String value = null;
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("export ")) l = l.substring(7).strip();
            if (!l.startsWith("CONFIG_FILE=")) continue;
            String v = l.substring("CONFIG_FILE=".length()).strip();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            if (!v.isEmpty()) value = v;
        }
        return Optional.ofNullable(value);
    }
}
