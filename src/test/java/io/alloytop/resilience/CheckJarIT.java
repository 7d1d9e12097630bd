package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The built jar's `check` against the demo's faults: a sentence and exit 2, promptly, never a stack trace. */
class CheckJarIT {
    static final Tally TALLY = new Tally("faults-jar");

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private static String[] exec(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("alloytop.jar", "target/alloytop.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread e = Subprocess.drain(p.getErrorStream(), err);
        Subprocess.drain(p.getInputStream(), out).join(30_000);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "check did not finish");
        e.join(2000);
        return new String[] {String.valueOf(p.exitValue()), Subprocess.text(out), Subprocess.text(err)};
    }

    private static void clean(String[] r) {
        String all = r[1] + r[2];
        assertFalse(Cli.hasStackTrace(all) || all.contains("alloytop: internal error"), all);
    }

    @Test
    void downSlowAnd500ThroughTheJar() throws Exception {
        try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withPort(0))) {
            String url = demo.baseUrl();
            TALLY.scenario("jar.down", () -> run(() -> {
                demo.faults().down(true);
                String[] r = exec("--url", url, "check", "--cpu-sample", "0");
                clean(r);
                assertEquals("2", r[0]);
                assertTrue((r[1] + r[2]).contains("connection refused"), r[1] + r[2]);
                demo.faults().down(false);
            }));
            TALLY.scenario("jar.slow10s", () -> run(() -> {
                demo.faults().slowMillis(10_000);
                long t0 = System.nanoTime();
                String[] r = exec("--url", url, "--timeout", "500ms", "check", "--cpu-sample", "0", "--output", "json");
                clean(r);
                assertEquals("2", r[0]);
                assertTrue(r[1].contains("\"timeout\"") || r[1].contains("within"), r[1]);
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 9_000, "not bounded by --timeout");
                demo.faults().slowMillis(0);
            }));
            TALLY.scenario("jar.500", () -> run(() -> {
                demo.faults().status500(true);
                String[] r = exec("--url", url, "check", "--cpu-sample", "0");
                clean(r);
                assertEquals("2", r[0]);
                demo.faults().status500(false);
            }));
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static void run(Body b) {
        try {
            b.run();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
