package io.alloytop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.RealPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The real jar with --demo in tmux: `p` captures a heap profile to --profile-dir; `f` plans forwarding with a typed key. */
class UiActionsTmuxIT {
    private static final long START = 40_000;
    private static final String KEY = "glc_TMUXSECRET0123456789";

    private static Path jar() {
        Path p = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar"));
        assertTrue(Files.isRegularFile(p), "build the jar first: " + p);
        return p.toAbsolutePath();
    }

    // The pane's processes may still write into the directory as tmux tears down: JUnit's
    // cleanup would then fail a passing test, so the (small) directory is left in /tmp.
    @Test
    void profileKeyCapturesSavesAndShowsTheTopTable(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        Path out = dir.resolve("profiles");
        try (Tmux t = new Tmux(tmuxBin, 100, 30, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ '");
            t.line("java -jar " + jar() + " --demo --profile-dir " + out + "; echo EX\"\"ITED");
            t.waitFor("components", START);
            t.keys("p");
            t.waitFor("Profile: choose what to capture", 5000);
            t.keys("Down", "Enter");
            String s = t.waitFor("saved", x -> x.contains("saved " + out), 20_000);
            assertTrue(s.contains("type inuse_space"), s);
            assertTrue(s.contains("flat%"), s);
            t.keys("s");
            t.waitFor("cum order", x -> x.contains("▼cum"), 5000);
            t.keys("Escape", "Escape", "q");
            t.waitFor("EXITED", 10_000);
        }
        try (Stream<Path> files = Files.list(out)) {
            List<Path> saved = files.toList();
            assertEquals(1, saved.size(), saved.toString());
            assertTrue(saved.get(0).getFileName().toString().matches("alloy-.+-heap-\\d{8}T\\d{6}Z\\.pb\\.gz"), saved.toString());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.get(0))));
        }
    }

    @Test
    void forwardKeyAsksForTheKeyMaskedAndNoChangesNothing(@TempDir(cleanup = CleanupMode.NEVER) Path dir) throws Exception {
        Path tmuxBin = RealPrograms.require("tmux");
        Path config = dir.resolve("config.alloy");
        String before = "logging {\n  level = \"info\"\n}\n";
        Files.writeString(config, before);
        try (Tmux t = new Tmux(tmuxBin, 100, 30, dir)) {
            t.line("export TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' XDG_STATE_HOME=" + dir.resolve("state")
                    + " GCLOUD_HOSTED_METRICS_URL=http://127.0.0.1:9/push GCLOUD_HOSTED_METRICS_ID=1"
                    + " GCLOUD_HOSTED_LOGS_URL=http://127.0.0.1:9/loki GCLOUD_HOSTED_LOGS_ID=2; unset GCLOUD_RW_API_KEY");
            t.line("java -jar " + jar() + " --demo --config-path " + config + " 2> " + dir.resolve("err") + "; echo EX\"\"ITED");
            t.waitFor("fwd off", START);
            t.keys("f");
            t.waitFor("GCLOUD_RW_API_KEY is not set", 10_000);
            t.literal(KEY);
            String masked = t.waitFor("masked", x -> x.contains("API key: " + "*".repeat(KEY.length())), 5000);
            assertFalse(masked.contains("TMUXSECRET"), masked);
            t.keys("Enter");
            String plan = t.waitFor("y/n", 30_000);
            assertTrue(plan.contains("config: " + config), plan);
            assertTrue(plan.contains("pre-flight:") && plan.contains("unreachable"), plan);
            assertFalse(plan.contains("TMUXSECRET"), plan);
            t.keys("n");
            t.keys("q");
            t.waitFor("EXITED", 10_000);
        }
        assertEquals(before, Files.readString(config));
        assertFalse(Files.readString(dir.resolve("err")).contains("TMUXSECRET"));
    }
}
