package io.alloytop.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Integration tests run against real programs from Debian's packages. Locally a missing program
 * skips the test; in CI (env CI set) it fails loudly, because .ci/run must have installed it.
 */
public final class RealPrograms {
    private RealPrograms() {}

    /** Returns the absolute path of a program (name on PATH, or an absolute path) or skips/fails. */
    public static Path require(String program) {
        Path found = find(program);
        if (found == null) {
            String msg = "required program '" + program + "' is not installed (.ci/run installs it with apt-get)";
            if (inCi()) Assertions.fail(msg);
            Assumptions.abort(msg);
        }
        return found;
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isEmpty() && !ci.equals("false");
    }

    public static Path find(String program) {
        if (program.startsWith("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) return p.toAbsolutePath();
        }
        return null;
    }
}
