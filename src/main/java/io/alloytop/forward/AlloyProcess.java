package io.alloytop.forward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local {@code alloy run} process as seen through /proc. The proc root is injectable so tests
 * can build a fake tree.
 */
public record AlloyProcess(long pid, List<String> argv, Path procDir) {

    /** Finds processes named alloy whose command line has the {@code run} sub-command. */
    public static List<AlloyProcess> find(Path procRoot) {
        List<AlloyProcess> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(procRoot)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                List<String> argv = readArgv(p.resolve("cmdline"));
                if (argv.isEmpty()) continue;
                String exe = Path.of(argv.get(0)).getFileName() == null ? "" : Path.of(argv.get(0)).getFileName().toString();
                String comm = readSmall(p.resolve("comm")).strip();
                if (!(exe.equals("alloy") || comm.equals("alloy"))) continue;
                if (!argv.subList(1, argv.size()).contains("run")) continue;
                out.add(new AlloyProcess(Long.parseLong(name), argv, p));
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        out.sort((a, b) -> Long.compare(a.pid, b.pid));
        return out;
    }

    private static List<String> readArgv(Path cmdline) {
        String s = readSmall(cmdline);
        if (s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(List.of(s.split("\0", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String readSmall(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The config path argument of {@code alloy run}: the last argument that is not a flag, not the
     * value of a space-separated flag, and exists on disk (relative paths resolve against the
     * process's working directory).
     */
    public Optional<Path> configArgument() {
        int run = argv.indexOf("run");
        Path cwd = resolveCwd();
        Path found = null;
        for (int i = run + 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-")) continue;
            Path p = Path.of(a);
            if (!p.isAbsolute() && cwd != null) p = cwd.resolve(p);
            if (Files.exists(p)) found = p;
        }
        return Optional.ofNullable(found);
    }

    private Path resolveCwd() {
        try {
            return procDir.resolve("cwd").toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The value of {@code --server.http.listen-addr}, if given. */
    public Optional<String> listenAddress() {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("--server.http.listen-addr=")) return Optional.of(a.substring(a.indexOf('=') + 1));
            if (a.equals("--server.http.listen-addr") && i + 1 < argv.size()) return Optional.of(argv.get(i + 1));
        }
        return Optional.empty();
    }

    /** Alloy's environment, when we may read it (same user, or root). */
    public Optional<Map<String, String>> environment() {
        try {
            byte[] b = Files.readAllBytes(procDir.resolve("environ"));
            Map<String, String> env = new HashMap<>();
            for (String kv : new String(b, StandardCharsets.UTF_8).split("\0")) {
                int eq = kv.indexOf('=');
                if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            return Optional.of(env);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The real UID Alloy runs as, from /proc/PID/status, to hand it the secret file. */
    public Optional<Integer> uid() {
        for (String line : readSmall(procDir.resolve("status")).split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] f = line.substring(4).trim().split("\\s+");
                try {
                    return Optional.of(Integer.parseInt(f[0]));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
