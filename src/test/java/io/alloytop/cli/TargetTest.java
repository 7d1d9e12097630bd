package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.FakeHttp;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TargetTest {
    private static GlobalOptions parse(String... args) {
        Main m = new Main();
        new CommandLine(m).parseArgs(args);
        return m.global;
    }

    @Test
    void realTargetFromTheOptions() {
        try (Target t = Target.open(parse("--url", "http://10.1.2.3:12345", "--timeout", "3s"))) {
            assertEquals("http://10.1.2.3:12345", t.baseUrl());
            assertFalse(t.isDemo());
            assertFalse(t.isLocal());
            assertEquals(3, t.settings().timeout().toSeconds());
        }
        try (Target t = Target.open(parse())) {
            assertEquals(GlobalOptions.DEFAULT_URL, t.baseUrl());
            assertTrue(t.isLocal());
        }
    }

    @Test
    void demoIsStartedForTheTargetsLifetime() throws Exception {
        AtomicInteger stopped = new AtomicInteger();
        Target.DemoStarter saved = Target.demoStarter;
        try (FakeHttp demo = FakeHttp.start()) {
            demo.status("/-/ready", 200, "Alloy is ready.\n");
            demo.status("/metrics", 200, "alloy_build_info{version=\"v1.18.0\"} 1\n");
            demo.textJson("/api/v0/web/components", "[]");
            demo.textJson("/api/v0/web/remotecfg/components", "[]");
            Target.demoStarter = prefix -> new Target.Demo(demo.url(), stopped::incrementAndGet);
            try (Target t = Target.open(parse("--demo", "--url", "http://192.0.2.1:1"))) {
                assertTrue(t.isDemo());
                assertTrue(t.isLocal());
                assertEquals(demo.url(), t.baseUrl(), "--demo wins over --url");
                assertEquals(true, t.api().ready().orNull());
                java.util.concurrent.BlockingQueue<io.alloytop.poll.AlloySnapshot> q =
                        new java.util.concurrent.LinkedBlockingQueue<>();
                try (io.alloytop.poll.Poller p = t.newPoller(java.time.Duration.ofSeconds(2), q::add)) {
                    p.start();
                    io.alloytop.poll.AlloySnapshot s = q.poll(5, java.util.concurrent.TimeUnit.SECONDS);
                    assertEquals(demo.url(), s.target());
                    assertTrue(s.reachable(), String.valueOf(s.failure()));
                    assertTrue(s.ready());
                }
                assertEquals(0, stopped.get());
            }
            assertEquals(1, stopped.get());
        } finally {
            Target.demoStarter = saved;
        }
    }

    @Test
    void usageProblemsAreUserErrors() {
        UserError e = assertThrows(UserError.class, () -> Target.open(parse("--url", "ftp://x")));
        assertTrue(e.getMessage().contains("--url"));
        UserError ca = assertThrows(UserError.class,
                () -> Target.open(parse("--ca-file", Path.of("/nonexistent/ca.pem").toString())));
        assertTrue(ca.getMessage().contains("--ca-file"), ca.getMessage());
        UserError pw = assertThrows(UserError.class,
                () -> Target.open(parse("--username", "u", "--password-file", "/nonexistent/pw")));
        assertTrue(pw.getMessage().contains("--password-file"), pw.getMessage());
        assertEquals(ExitCodes.USAGE, CheckCommandTest.run("--url", "ftp://x", "check").code());
    }
}
