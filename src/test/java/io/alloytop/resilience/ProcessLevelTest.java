package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * alloytop as a process: the Grafana Cloud key comes only from the environment and never shows on
 * stdout, stderr or argv; `forward --dry-run` prints a hostile config's diff clean and writes nothing;
 * with stdout closed (an SSH drop) `check` and `logs -f` end promptly without a stack trace.
 */
class ProcessLevelTest {
    static final Tally TALLY = new Tally("process");
    private static final String KEY = "glc_eyJrIjoiZGVhZGJlZWYifQ_KEY_do_not_print";

    @TempDir
    Path tmp;

    @AfterAll
    static void write() {
        TALLY.write();
    }

    @Test
    void forwardDryRunPrintsAHostileConfigCleanAndNeverTheKey() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc-alloy"));
        Path config = dir.resolve("config.alloy");
        String hostile = "logging {\n  level = \"info\" // " + String.join(" ", Hostile.STRINGS).replace("\n", " ").replace("\u0000", "") + "\n}\n"
                + "local.file \"k\" {\n  filename = \"/etc/\u001b]52;c;ZZ\u0007\u009b2J\"\n}\n";
        byte[] original = hostile.getBytes(StandardCharsets.UTF_8);
        Files.write(config, original);
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPort(0))) {
            Map<String, String> env = Map.of("GCLOUD_HOSTED_METRICS_URL", "https://prometheus-prod.grafana.net/api/prom/push",
                    "GCLOUD_HOSTED_METRICS_ID", "12345", "GCLOUD_HOSTED_LOGS_URL", "https://logs-prod.grafana.net/loki/api/v1/push",
                    "GCLOUD_HOSTED_LOGS_ID", "678", "GCLOUD_RW_API_KEY", KEY);
            Process p = Subprocess.builder(env, "--url", demo.baseUrl(), "forward", "on", "--dry-run", "--config-path", config.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String argv = new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread e = Subprocess.drain(p.getErrorStream(), err);
            Subprocess.drain(p.getInputStream(), out).join(60_000);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            e.join(2000);
            String all = Subprocess.text(out) + Subprocess.text(err);
            assertEquals(0, p.exitValue(), all);
            assertTrue(all.contains("BEGIN alloytop"), all);
            assertFalse(Cli.hasStackTrace(all), all);
            Hostile.assertClean("forward --dry-run", all, false);
            TALLY.add("injection.strings.forwardDryRun", Hostile.STRINGS.size());
            TALLY.inc("secrets.outputsScanned");
            boolean leaked = all.contains(KEY) || argv.contains(KEY);
            if (leaked) TALLY.inc("secrets.leaked");
            assertFalse(leaked, "the Grafana Cloud key shows:\n" + all);
            TALLY.add("secrets.leaked", 0);
            // a dry run changes nothing: same config bytes, no key file
            byte[] after = Files.readAllBytes(config);
            TALLY.add("configBytesLost", java.util.Arrays.equals(original, after) ? 0 : Math.max(original.length, after.length));
            assertTrue(java.util.Arrays.equals(original, after));
            try (var s = Files.list(dir)) {
                assertEquals(1, s.count(), "dry run wrote a file");
            }
        }
    }

    private static Process closedStdout(String... args) throws Exception {
        Process p = Subprocess.builder(Map.of(), args).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        p.getInputStream().close(); // the reader is gone, as when the SSH session drops
        return p;
    }

    @Test
    void checkWithStdoutClosedEndsWithoutAStackTrace() throws Exception {
        TALLY.scenario("process.checkStdoutClosed", () -> {
            try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPort(0))) {
                Process p = closedStdout("--url", demo.baseUrl(), "check", "--cpu-sample", "0");
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Thread e = Subprocess.drain(p.getErrorStream(), err);
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "check hung with stdout closed");
                e.join(2000);
                assertFalse(Cli.hasStackTrace(Subprocess.text(err)), Subprocess.text(err));
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        });
    }

    @Test
    void logsFollowWithStdoutClosedExitsPromptly() throws Exception {
        TALLY.scenario("process.logsFollowStdoutClosed", () -> {
            try {
                Path log = tmp.resolve("alloy.log");
                Files.writeString(log, "level=info msg=\"start\"\n");
                Process p = closedStdout("logs", "--logs", "file", "--log-file", log.toString(), "-f");
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Thread e = Subprocess.drain(p.getErrorStream(), err);
                long t0 = System.nanoTime();
                for (int i = 0; i < 100 && p.isAlive(); i++) {
                    Files.writeString(log, "level=info msg=\"line " + i + "\"\n", java.nio.file.StandardOpenOption.APPEND);
                    Thread.sleep(100);
                }
                boolean ended = p.waitFor(5, TimeUnit.SECONDS);
                if (!ended) p.destroyForcibly();
                e.join(2000);
                assertTrue(ended, "logs -f kept following with nobody reading");
                TALLY.max("logsFollowExitMillis", (System.nanoTime() - t0) / 1_000_000);
                assertFalse(Cli.hasStackTrace(Subprocess.text(err)), Subprocess.text(err));
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        });
    }
}
