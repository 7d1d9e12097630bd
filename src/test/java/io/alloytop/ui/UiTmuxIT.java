package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.RealPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in a real terminal (tmux): open, sort, filter, detail, help, theme, resize, quit;
 * and the terminal settings (`stty -g`) are exactly as before after q, SIGTERM and SIGHUP.
 */
class UiTmuxIT {
    private static final long START = 40_000;

    private static Path jar() {
        Path p = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar"));
        assertTrue(Files.isRegularFile(p), "build the jar first: " + p);
        return p.toAbsolutePath();
    }

    private static String launch(Path dir, FixtureAlloy fx, String extra, String tag) {
        return "stty -g > " + dir.resolve("before-" + tag) + "; sh -c 'echo $$ > " + dir.resolve("pid-" + tag) + "; exec java -jar "
                + jar() + " --url " + fx.url() + " --interval 1s " + extra + "'; stty -g > " + dir.resolve("after-" + tag)
                + "; echo EX\"\"ITED-" + tag;
    }

    private static void assertSttySame(Path dir, String tag) throws Exception {
        assertEquals(Files.readString(dir.resolve("before-" + tag)), Files.readString(dir.resolve("after-" + tag)),
                "stty -g changed after " + tag);
    }

    // The pane's processes may still write into the directory as tmux tears down: JUnit's
    // cleanup would then fail a passing test, so the (small) directory is left in /tmp.
    @Test
    void aUserSessionThenQuitLeavesTheTerminalAsItWas(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        try (FixtureAlloy fx = new FixtureAlloy(150); Tmux t = new Tmux(tmuxBin, 120, 40, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ '");
            t.line(launch(dir, fx, "", "q"));
            String s = t.waitFor("components 150", START);
            assertTrue(s.contains("v1.8.2") && s.contains("ready"), s);
            String[] lines = s.split("\n");
            int head = 0;
            while (!lines[head].contains("HEALTH")) head++;
            assertTrue(lines[head + 1].contains("exited") || lines[head + 1].contains("unhealthy"), "bad health first:\n" + s);
            assertTrue(t.screenWithColours().contains("\033["), "colours are drawn");

            t.keys("s");
            s = t.waitFor("ID sorted", x -> x.contains("ID▼"), 5000);
            t.keys("S");
            t.waitFor("ID reversed", x -> x.contains("ID▲"), 5000);

            t.keys("/");
            t.literal("module:self_monitor loki.write");
            t.keys("Enter");
            s = t.waitFor("filtered", x -> x.contains("filter: module:self_monitor loki.write"), 5000);
            for (String l : s.split("\n")) {
                if (l.contains("healthy") && !l.contains("components")) assertTrue(l.contains("loki.write"), "filtered row: " + l);
            }
            t.keys("Enter");
            s = t.waitFor("detail", x -> x.contains("Arguments") && x.contains("(secret)"), 10_000);
            assertTrue(s.contains("self_monitor.main/loki.write.c"), s);
            t.keys("Escape");
            t.waitFor("back to the table", x -> x.contains("HEALTH"), 5000);
            t.keys("Escape");
            t.waitFor("filter cleared", x -> !x.contains("filter:"), 5000);

            t.keys("?");
            t.waitFor("alloytop keys", 5000);
            t.keys("Escape");
            t.waitFor("help closed", x -> !x.contains("alloytop keys"), 5000);

            t.keys("t");
            t.waitFor("theme: light", 5000);
            t.keys(":");
            t.literal("theme monochrome");
            t.keys("Enter");
            t.waitFor("monochrome rows", x -> x.contains("[OK] healthy ") && x.contains("[!!] 7 unhealthy"), 5000);

            t.resize(80, 24);
            s = t.waitFor("80 columns", x -> x.split("\n")[0].length() <= 80 && x.contains("HEALTH"), 5000);
            assertFalse(s.contains("TYPE"), s);
            t.resize(36, 9);
            t.waitFor("needs at least 40x10", 5000);
            t.resize(200, 60);
            s = t.waitFor("wide again", x -> x.contains("TYPE") && x.contains("MODULE"), 5000);

            assertEquals("alt=1 cursor=0 mouse=0", t.modes());
            t.keys("q");
            t.waitFor("EXITED-q", 10_000);
            // (tmux itself may keep alternate-screen lines in the main grid after a shrink then grow,
            // so the screen text is not the test: the pane's modes are)
            assertEquals("alt=0 cursor=1 mouse=0", t.modes());
            assertSttySame(dir, "q");
        }
    }

    @Test
    void sigtermAndSighupRestoreTheTerminal(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        try (FixtureAlloy fx = new FixtureAlloy(40); Tmux t = new Tmux(tmuxBin, 100, 30, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ '");
            for (String sig : new String[] {"TERM", "HUP"}) {
                t.line("clear; " + launch(dir, fx, "--mouse", sig));
                t.waitFor("components 40", START);
                assertEquals("alt=1 cursor=0 mouse=1", t.modes());
                long pid = Long.parseLong(Files.readString(dir.resolve("pid-" + sig)).trim());
                Process k = new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).start();
                assertTrue(k.waitFor(5, TimeUnit.SECONDS));
                String s = t.waitFor("EXITED-" + sig, 15_000);
                assertFalse(s.contains("HEALTH"), s);
                assertEquals("alt=0 cursor=1 mouse=0", t.modes());
                assertSttySame(dir, sig);
            }
        }
    }

    @Test
    void startsWithoutWaitingOnTerminalProbesNobodyAnswers(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        Path scriptBin = RealPrograms.require("script");
        try (FixtureAlloy fx = new FixtureAlloy(20); Tmux t = new Tmux(tmuxBin, 100, 30, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ '");
            Path out = dir.resolve("typescript");
            t.line(scriptBin + " -qfc 'java -jar " + jar() + " --url " + fx.url() + " --logs none' " + out + "; echo EX\"\"ITED");
            t.waitFor("components 20", START);
            t.keys("q");
            t.waitFor("EXITED", 10_000);
            String written = Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(written.contains("\033[?2026$p"), "the typescript holds what alloytop wrote");
            // JLine 4 asks for mode 2027 and then blocks 100 ms on the answer, which tmux never gives
            assertFalse(written.contains("\033[?2027$p"), "no grapheme-cluster probe");
        }
    }

    @Test
    void withoutAUsableTerminalItPrintsCheckWithAHint(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        try (FixtureAlloy fx = new FixtureAlloy(20)) {
            for (String term : new String[] {"dumb", "xterm-256color"}) {
                ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar().toString(), "--url", fx.url())
                        .redirectOutput(dir.resolve("out-" + term).toFile()).redirectError(dir.resolve("err-" + term).toFile());
                pb.environment().put("TERM", term);
                Process p = pb.start();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                String out = Files.readString(dir.resolve("out-" + term));
                String err = Files.readString(dir.resolve("err-" + term));
                assertEquals(1, p.exitValue(), "degraded: the fixture has unhealthy components\n" + out + err);
                assertTrue(err.contains("showing `alloytop check` instead"), err);
                assertTrue(out.contains("DEGRADED") && out.contains("v1.8.2"), out);
                assertFalse(out.contains("\033[?1049h"), "no full-screen sequences when not on a terminal");
            }
        }
    }
}
