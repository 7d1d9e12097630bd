package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.RealPrograms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar with `--logs file --log-file F` (root flags) in tmux: the logs pane follows the file,
 * a hostile line is shown as symbols and never acts on the terminal (the pane title it tries to set
 * stays unset), L shows one component's logs, / highlights and counts matches, Enter opens an entry.
 */
class LogsTmuxIT {
    private static Path jar() {
        Path p = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar"));
        assertTrue(Files.isRegularFile(p), "build the jar first: " + p);
        return p.toAbsolutePath();
    }

    // The pane's processes may still write into the directory as tmux tears down: JUnit's
    // cleanup would then fail a passing test, so the (small) directory is left in /tmp.
    @Test
    void theMonitorFollowsALogFileNamedOnTheRootCommand(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        Path log = dir.resolve("alloy.log");
        Files.writeString(log, String.join("\n",
                "ts=2026-11-22T09:00:00Z level=info msg=\"Alloy is starting\"",
                "ts=2026-11-22T09:00:01Z level=error component_id=local.file.api_key msg=\"failed to read file needle\"",
                "ts=2026-11-22T09:00:02Z level=warn msg=\"pwn \u001b]2;PWNED\u0007 \u001b[2J \u202eevil\"",
                ""), StandardCharsets.UTF_8);
        try (FixtureAlloy fx = new FixtureAlloy(20); Tmux t = new Tmux(tmuxBin, 120, 40, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ '");
            t.line("java -jar " + jar() + " --url " + fx.url() + " --logs file --log-file " + log + "; echo EX\"\"ITED");
            String s = t.waitFor("logs pane", x -> x.contains("Logs") && x.contains("Alloy is starting"), 40_000);
            assertTrue(s.contains("pwn ␛]2;PWNED␇ ␛[2J"), s);
            assertFalse(t.run("display-message", "-p", "#{pane_title}").contains("PWNED"), "the OSC in the log did not set the title");

            Files.writeString(log, "ts=2026-11-22T09:00:03Z level=info msg=\"appended later\"\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            t.waitFor("appended line", x -> x.contains("appended later"), 10_000);

            t.keys("Tab", "/");
            t.literal("needle");
            t.keys("Enter");
            t.waitFor("search", x -> x.contains("/needle 1 match"), 5000);
            t.keys("Enter");
            s = t.waitFor("entry", x -> x.contains("Log entry #1"), 5000);
            assertTrue(s.contains("local.file.api_key") && s.contains("failed to read file needle"), s);
            t.keys("Escape", "Escape", "Escape");
            t.waitFor("search cleared", x -> !x.contains("/needle"), 5000);
            t.keys("q");
            t.waitFor("EXITED", 10_000);
        }
    }
}
