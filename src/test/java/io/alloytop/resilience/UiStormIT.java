package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.testing.RealPrograms;
import io.alloytop.ui.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-screen UI in tmux under a resize storm (about 50 a second) ended by SIGTERM, SIGHUP or
 * SIGINT at a random moment: the terminal settings (`stty -g`) come back exactly and no stack trace
 * is left in the pane. Needs the monitor launch wired into `alloytop` (Commands.runMonitor).
 */
class UiStormIT {
    static final Tally TALLY = new Tally("faults-ui");

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private static Path jar() {
        Path p = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar"));
        assertTrue(Files.isRegularFile(p), "build the jar first: " + p);
        return p.toAbsolutePath();
    }

    // The pane's processes may still write into the directory as tmux tears down: JUnit's
    // cleanup would then fail a passing test, so the (small) directory is left in /tmp.
    @Test
    void resizeStormThenSignalsRestoreTheTerminal(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        Random rnd = new Random(Long.getLong("resilience.seed", System.nanoTime()));
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPort(0)); Tmux t = new Tmux(tmuxBin, 120, 40, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ '");
            for (String sig : new String[] {"TERM", "HUP", "INT"}) {
                t.line("clear; stty -g > " + dir.resolve("before-" + sig) + "; sh -c 'echo $$ > " + dir.resolve("pid-" + sig)
                        + "; exec java -jar " + jar() + " --url " + demo.baseUrl() + " --interval 1s'; stty -g > "
                        + dir.resolve("after-" + sig) + "; echo EXITED-" + sig);
                String s = t.waitFor("the monitor or its absence", x -> x.contains("HEALTH") || x.contains("not built yet"), 40_000);
                Assumptions.assumeFalse(s.contains("not built yet"), "the full-screen monitor is not wired into main yet");
                TALLY.inc("scenario.ui.resizeStorm+" + sig + ".run");
                long pid = Long.parseLong(Files.readString(dir.resolve("pid-" + sig)).trim());
                long stormMillis = 2000 + rnd.nextInt(2000);
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500 + rnd.nextInt((int) stormMillis - 500));
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stormMillis);
                boolean sent = false;
                int resizes = 0;
                long t0 = System.nanoTime();
                while (System.nanoTime() < end) {
                    t.resize(30 + rnd.nextInt(180), 8 + rnd.nextInt(60));
                    resizes++;
                    if (!sent && System.nanoTime() >= killAt) {
                        new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).start().waitFor(5, TimeUnit.SECONDS);
                        sent = true;
                    }
                    long next = t0 + resizes * 20_000_000L; // 50 a second
                    long wait = next - System.nanoTime();
                    if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (!sent) new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).start().waitFor(5, TimeUnit.SECONDS);
                TALLY.add("resizes", resizes);
                t.resize(120, 40);
                s = t.waitFor("EXITED-" + sig, 15_000);
                assertFalse(Cli.hasStackTrace(s) || s.contains("Exception"), "stack trace in the pane:\n" + s);
                // tmux may keep alternate-screen lines in the main grid after a shrink then grow, so the
                // screen text is not the test: the pane's modes are (as in UiTmuxIT).
                assertEquals("alt=0 cursor=1 mouse=0", t.modes(), "the alternate screen was left:\n" + s);
                assertEquals(Files.readString(dir.resolve("before-" + sig)), Files.readString(dir.resolve("after-" + sig)),
                        "stty -g changed after SIG" + sig);
                TALLY.inc("scenario.ui.resizeStorm+" + sig + ".survived");
            }
        }
    }
}
