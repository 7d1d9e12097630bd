package io.alloytop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs an unpacked bundle the way a bare host would: an environment with no java on PATH and no
 * JAVA_HOME, the bundle directory read-only and /tmp mounted noexec. The last two need a private
 * mount namespace (root and unshare(1)); without one the bundle still runs with a minimal
 * environment and java.io.tmpdir pointed at an empty directory that must stay empty.
 */
final class BundleSandbox {
    private static final String NAMESPACE_SCRIPT = String.join("\n",
            "set -e",
            "mount -t tmpfs -o noexec,nosuid,nodev,size=16m tmpfs /tmp",
            "mount --bind \"$BUNDLE\" \"$BUNDLE\"",
            "mount -o remount,bind,ro \"$BUNDLE\"",
            // prove the conditions instead of trusting the mount options
            "printf '#!/bin/sh\\nexit 0\\n' > /tmp/x && chmod +x /tmp/x",
            "if /tmp/x 2>/dev/null; then echo 'sandbox: /tmp is executable' >&2; exit 97; fi",
            "rm -f /tmp/x",
            "if touch \"$BUNDLE/.w\" 2>/dev/null; then echo 'sandbox: bundle is writable' >&2; exit 98; fi",
            "set +e",
            "\"$@\"",
            "rc=$?",
            "echo \"@@tmp:$(ls -A /tmp | tr '\\n' ' ')\" >&2",
            "exit $rc");

    record Result(int exit, String out, String err, List<String> tmpEntries) {
        String describe() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    final Path bundle;
    final boolean namespaced;
    private final Path toolDir;
    private final Path home;
    private final Path fallbackTmp;

    BundleSandbox(Path bundle, Path work) throws IOException, InterruptedException {
        this.bundle = bundle;
        this.toolDir = Files.createDirectories(work.resolve("path"));
        this.home = Files.createDirectories(work.resolve("home"));
        this.fallbackTmp = Files.createDirectories(work.resolve("tmp"));
        // the launcher needs only these programs; everything else is sh builtins
        for (String tool : List.of("dirname", "readlink", "grep")) {
            Path target = which(tool);
            Path link = toolDir.resolve(tool);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, target);
        }
        this.namespaced = namespaceWorks();
    }

    /** Runs {@code bin/alloytop args} in the sandbox. */
    Result alloytop(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(bundle.resolve("bin/alloytop").toString());
        cmd.addAll(Arrays.asList(args));
        return run(env, cmd);
    }

    /** Runs any command with the sandbox's environment (used to show there is no java on PATH). */
    Result run(Map<String, String> extraEnv, List<String> command) throws IOException, InterruptedException {
        List<String> cmd = commandLine(extraEnv, command);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("BUNDLE", bundle.toString());
        Path out = Files.createTempFile(fallbackTmp.getParent(), "out", ".txt");
        Path err = Files.createTempFile(fallbackTmp.getParent(), "err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            List<String> tmp = new ArrayList<>();
            if (namespaced) {
                int i = stderr.lastIndexOf("@@tmp:");
                if (i >= 0) {
                    String line = stderr.substring(i + 6).strip();
                    if (!line.isEmpty()) tmp.addAll(Arrays.asList(line.split("\\s+")));
                    stderr = stderr.substring(0, i);
                }
            } else {
                try (Stream<Path> s = Files.list(fallbackTmp)) {
                    s.forEach(f -> tmp.add(f.getFileName().toString()));
                }
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr, tmp);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The full command line (namespace set-up, cleared environment, command) for callers that start
     * it themselves, e.g. inside tmux; it needs BUNDLE in its environment: see {@link #bundleEnv()}.
     */
    List<String> commandLine(Map<String, String> extraEnv, List<String> command) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", toolDir.toString());
        env.put("HOME", home.toString());
        env.put("TERM", "dumb");
        env.put("TMPDIR", namespaced ? "/tmp" : fallbackTmp.toString());
        env.putAll(extraEnv);
        if (!namespaced) {
            String opts = env.getOrDefault("ALLOYTOP_JAVA_OPTS", "");
            env.put("ALLOYTOP_JAVA_OPTS", "-Djava.io.tmpdir=" + fallbackTmp + (opts.isEmpty() ? "" : " " + opts));
        }
        List<String> cmd = new ArrayList<>();
        if (namespaced) {
            cmd.addAll(List.of("unshare", "-m", "--propagation", "private", "/bin/sh", "-c", NAMESPACE_SCRIPT, "sh"));
        }
        cmd.add("env");
        cmd.add("-i");
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(command);
        return cmd;
    }

    Map<String, String> bundleEnv() {
        return Map.of("BUNDLE", bundle.toString());
    }

    String mode() {
        return namespaced ? "read-only bundle, noexec tmpfs on /tmp" : "minimal environment, empty java.io.tmpdir";
    }

    private boolean namespaceWorks() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name")) || which("unshare") == null) return false;
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
                NAMESPACE_SCRIPT, "sh", "true");
        pb.environment().put("BUNDLE", bundle.toString());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    static Path which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) return p.toAbsolutePath();
        }
        return null;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
