package io.alloytop.forward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs `alloy validate` (1.9+) on a private temporary copy of the resulting config, falling back to
 * `alloy fmt` per file for older binaries. Skipped when no alloy binary is on PATH.
 */
public final class AlloyBinaryValidator implements ExternalValidator {
    private final Path binary;
    private final List<String> runFlags;

    /** @param runFlags flags of the running `alloy run` that validate must share (stability level, community components) */
    public AlloyBinaryValidator(Path binary, List<String> runFlags) {
        this.binary = binary;
        this.runFlags = List.copyOf(runFlags);
    }

    /** The validator for `alloy` on PATH, or {@link ExternalValidator#NONE} with a note. */
    public static ExternalValidator onPath(String pathEnv) {
        return onPath(pathEnv, List.of());
    }

    public static ExternalValidator onPath(String pathEnv, List<String> runFlags) {
        if (pathEnv != null) {
            for (String dir : pathEnv.split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "alloy");
                if (Files.isExecutable(p)) return new AlloyBinaryValidator(p, runFlags);
            }
        }
        return plan -> new Outcome(ForwardStep.State.SKIPPED, "no alloy binary on PATH; alloytop's own parser checked it");
    }

    @Override
    public Outcome validate(ForwardPlan plan) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("alloytop-validate-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            List<Path> files = new ArrayList<>();
            for (ConfigOnDisk.DiskFile f : plan.result()) {
                Path copy = tmp.resolve(f.path().getFileName().toString());
                Files.write(copy, f.bytes());
                files.add(copy);
            }
            Path target = plan.location().directory() ? tmp : files.get(0);
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "validate"));
            cmd.addAll(runFlags);
            cmd.add(target.toString());
            Run v = run(cmd);
            if (v.code == 0) return new Outcome(ForwardStep.State.OK, "alloy validate accepted it");
            if (!v.output.contains("unknown command")) {
                return new Outcome(ForwardStep.State.FAILED, "alloy validate rejected it: " + v.output.strip());
            }
            for (Path f : files) {
                Run fmt = run(List.of(binary.toString(), "fmt", f.toString()));
                if (fmt.code != 0) return new Outcome(ForwardStep.State.FAILED, "alloy fmt rejected it: " + fmt.output.strip());
            }
            return new Outcome(ForwardStep.State.OK, "alloy fmt accepted it (this alloy has no validate)");
        } catch (IOException e) {
            return new Outcome(ForwardStep.State.WARN, "could not run " + binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(ForwardStep.State.FAILED, "interrupted");
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private record Run(int code, String output) {}

    /** The flags of `alloy run` that change what validate accepts (facts §7), in --flag=value form. */
    public static List<String> validateFlags(List<String> runArgv) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runArgv.size(); i++) {
            String a = runArgv.get(i);
            for (String f : List.of("--stability.level", "--feature.community-components.enabled", "--config.format",
                    "--config.extra-args", "--config.bypass-conversion-errors")) {
                if (a.startsWith(f + "=")) out.add(a);
                else if (a.equals(f)) {
                    boolean boolFlag = f.equals("--feature.community-components.enabled")
                            || f.equals("--config.bypass-conversion-errors");
                    if (!boolFlag && i + 1 < runArgv.size()) out.add(f + "=" + runArgv.get(++i));
                    else out.add(a);
                }
            }
        }
        return out;
    }

    private static Run run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        byte[] out = p.getInputStream().readNBytes(64 * 1024);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out after 60 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover private temp dir is harmless
        }
    }
}
