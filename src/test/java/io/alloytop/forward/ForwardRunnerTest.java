package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole on → verify → off cycle with a failure injected at each step, against an in-process Alloy stand-in. */
class ForwardRunnerTest {
    static final String USER_CONFIG = "logging {\n  level = \"warn\"\n}\n\nprometheus.exporter.unix \"default\" { }\n";

    @TempDir
    Path tmp;

    Path etc;
    Path config;
    Path state;
    FileState original;
    FakeAlloy alloy;
    MutableClock clock;
    final List<ForwardStep> events = new ArrayList<>();
    Preflight preflight = s -> okAll(s);

    static Map<Signal, PreflightResult> okAll(Set<Signal> s) {
        Map<Signal, PreflightResult> m = new EnumMap<>(Signal.class);
        for (Signal x : s) m.put(x, new PreflightResult(PreflightResult.Kind.OK, "ok"));
        return m;
    }

    @BeforeEach
    void setUp() throws IOException {
        etc = Files.createDirectories(tmp.resolve("etc/alloy"));
        config = Files.writeString(etc.resolve("config.alloy"), USER_CONFIG);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        state = tmp.resolve("state");
        original = new PosixConfigFiles().capture(config);
        alloy = new FakeAlloy(new ConfigLocation(config, false, "test"));
        clock = new MutableClock();
    }

    ForwardPlan plan(ForwardPlan.Action action, Set<Signal> signals) {
        ConfigOnDisk disk = ConfigOnDisk.read(new ConfigLocation(config, false, "test")).orNull();
        PlanRequest req = new PlanRequest(action, signals, false, Fixtures.cloud(), Optional.empty(), Optional.empty(),
                "127.0.0.1:12345", "alloy.service");
        Result<ForwardPlan> p = Planner.plan(req, disk);
        assertTrue(p.isOk(), () -> p.failureOrNull().message());
        return p.orNull();
    }

    ForwardRunner.Outcome run(ForwardPlan p, ConfigFiles files) {
        ForwardRunner r = new ForwardRunner(alloy, files, new Backups(state.resolve("backups"), clock), preflight,
                ExternalValidator.NONE, clock, clock.sleeper(),
                new ForwardRunner.Settings(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new Redactor(List.of(Fixtures.SECRET)), state);
        return r.run(p, events::add);
    }

    ForwardRunner.Outcome run(ForwardPlan p) {
        return run(p, new PosixConfigFiles());
    }

    void assertUntouched() throws IOException {
        FileState now = new PosixConfigFiles().capture(config);
        assertArrayEquals(original.bytes(), now.bytes(), "config bytes changed");
        assertEquals(original.owner(), now.owner());
        assertEquals(original.group(), now.group());
        assertEquals(original.perms(), now.perms());
        assertFalse(Files.exists(etc.resolve(ManagedIds.SECRET_FILE_NAME)), "secret file left behind");
        try (Stream<Path> s = Files.list(etc)) {
            assertEquals(List.of(config), s.toList(), "stray files in the config directory");
        }
    }

    void assertNoSecretAnywhere(ForwardRunner.Outcome o) throws IOException {
        for (ForwardStep s : events) assertFalse(s.message().contains(Fixtures.SECRET), s.toString());
        assertFalse(o.summary().contains(Fixtures.SECRET));
        if (Files.exists(state)) {
            try (Stream<Path> s = Files.walk(state)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(p).contains(Fixtures.SECRET), "secret in " + p);
                }
            }
        }
        assertFalse(Files.readString(config).contains(Fixtures.SECRET), "secret inline in the config");
    }

    String failedMessage() {
        return events.stream().filter(e -> e.step() == ForwardStep.Step.DONE).reduce((a, b) -> b).orElseThrow().message();
    }

    @Test
    void onVerifyOffRoundTrip() throws IOException {
        ForwardRunner.Outcome on = run(plan(ForwardPlan.Action.ON, Signal.DEFAULT));
        assertTrue(on.ok(), on.summary() + "\n" + events);
        assertEquals("forwarding logs, metrics is on and verified", on.summary());
        assertTrue(alloy.running.contains("prometheus.remote_write.alloytop_selfmon"));
        Path secret = etc.resolve(ManagedIds.SECRET_FILE_NAME);
        assertEquals(Fixtures.SECRET, Files.readString(secret));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        assertEquals(original.perms(), Files.getPosixFilePermissions(config), "mode kept");
        assertTrue(ForwardState.load(state).isPresent());
        assertEquals(10.0, on.before().cpuPercent(), 1e-9, "0.5 s of CPU over the 5 s window");
        try (Stream<Path> s = Files.list(state.resolve("backups"))) {
            Path b = s.findFirst().orElseThrow();
            assertArrayEquals(original.bytes(), Files.readAllBytes(b));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(b));
        }
        assertNoSecretAnywhere(on);

        int reloads = alloy.reloads;
        ForwardRunner.Outcome again = run(plan(ForwardPlan.Action.ON, Signal.DEFAULT));
        assertTrue(again.ok());
        assertEquals("forwarding is already on with exactly these settings; nothing to change", again.summary());
        assertEquals(reloads, alloy.reloads, "nothing to change, nothing reloaded");

        events.clear();
        ForwardRunner.Outcome off = run(plan(ForwardPlan.Action.OFF, Set.of()));
        assertTrue(off.ok(), off.summary() + "\n" + events);
        assertUntouched();
        assertFalse(alloy.running.contains("prometheus.remote_write.alloytop_selfmon"));
        assertFalse(ForwardState.load(state).isPresent());
    }

    @Test
    void preflightRefusalTouchesNothing() throws IOException {
        preflight = s -> Map.of(Signal.METRICS, new PreflightResult(PreflightResult.Kind.CREDENTIALS_REFUSED,
                "https://prom/api/prom/push refused the credentials (HTTP 401)"));
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS)));
        assertFalse(o.ok());
        assertFalse(o.rolledBack());
        assertTrue(o.summary().contains("refused the credentials (HTTP 401)"), o.summary());
        assertEquals(0, alloy.reloads);
        assertUntouched();
    }

    @Test
    void writeFailureRestoresEverything() throws IOException {
        ConfigFiles failing = new ConfigFiles() {
            final PosixConfigFiles real = new PosixConfigFiles();

            public FileState capture(Path p) throws IOException {
                return real.capture(p);
            }

            public List<String> write(Path p, byte[] b, Optional<FileState> like, Set<PosixFilePermission> perms,
                    Optional<Integer> uid) throws IOException {
                if (p.equals(config)) throw new IOException("No space left on device");
                return real.write(p, b, like, perms, uid);
            }

            public void delete(Path p) throws IOException {
                real.delete(p);
            }
        };
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, Signal.DEFAULT), failing);
        assertFalse(o.ok());
        assertTrue(o.rolledBack());
        assertTrue(o.summary().startsWith("writing failed: IOException: No space left on device; the previous config is back"),
                o.summary());
        assertEquals(0, alloy.reloads, "Alloy never saw a half-done change");
        assertUntouched();
        assertNoSecretAnywhere(o);
    }

    @Test
    void reload400PutsBytesBackAndReloadsAgain() throws IOException {
        alloy.evalErrorOnReload = "/etc/alloy/config.alloy:9:3: Failed to build component: loki.source.journal is not available";
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, Signal.DEFAULT));
        assertFalse(o.ok());
        assertTrue(o.summary().startsWith("Alloy refused the new config: error during the initial load: "
                + "/etc/alloy/config.alloy:9:3: Failed to build component"), o.summary());
        assertEquals(2, alloy.reloads, "reloaded once with the change and once after putting it back");
        assertUntouched();
    }

    @Test
    void unhealthyComponentIsReportedWithItsMessage() throws IOException {
        alloy.unhealthy.put("prometheus.remote_write.alloytop_selfmon",
                "server returned HTTP status 401 Unauthorized: authentication error");
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS)));
        assertFalse(o.ok());
        assertTrue(o.summary().contains("prometheus.remote_write.alloytop_selfmon is unhealthy: server returned HTTP status 401"),
                o.summary());
        assertUntouched();
        assertFalse(alloy.running.contains("prometheus.remote_write.alloytop_selfmon"), "Alloy runs the old graph again");
    }

    @Test
    void countersThatDoNotMoveFailAfterTheTimeout() throws IOException {
        alloy.frozenCounters = true;
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS)));
        assertFalse(o.ok());
        assertTrue(o.summary().contains("prometheus.remote_write.alloytop_selfmon has not sent anything yet before the "
                + "verification timeout"), o.summary());
        assertUntouched();
    }

    @Test
    void failureCountersThatMoveFail() throws IOException {
        alloy.failingWriter = "prometheus.remote_write.alloytop_selfmon";
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS)));
        assertFalse(o.ok());
        assertTrue(o.summary().contains("prometheus.remote_write.alloytop_selfmon failed to send 5 samples"), o.summary());
        assertUntouched();
    }

    @Test
    void alloyDownMidWay() throws IOException {
        ConfigFiles goesDown = new ConfigFiles() {
            final PosixConfigFiles real = new PosixConfigFiles();

            public FileState capture(Path p) throws IOException {
                return real.capture(p);
            }

            public List<String> write(Path p, byte[] b, Optional<FileState> like, Set<PosixFilePermission> perms,
                    Optional<Integer> uid) throws IOException {
                List<String> w = real.write(p, b, like, perms, uid);
                if (p.equals(config)) alloy.down = true;
                return w;
            }

            public void delete(Path p) throws IOException {
                real.delete(p);
            }
        };
        ForwardRunner.Outcome o = run(plan(ForwardPlan.Action.ON, Signal.DEFAULT), goesDown);
        assertFalse(o.ok());
        assertTrue(o.summary().startsWith("Alloy did not answer the reload: connection refused; the previous config is back; "
                + "reloading the previous config also failed"), o.summary());
        assertUntouched();
    }

    @Test
    void alloyDownDuringVerification() throws IOException {
        alloy.unhealthy.clear();
        ForwardPlan p = plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS));
        alloy.frozenCounters = true;
        ForwardRunner r = new ForwardRunner(new AlloyPort() {
            int calls;

            public Result<String> reload() {
                return alloy.reload();
            }

            public Result<List<io.alloytop.alloy.Component>> components() {
                if (++calls > 2) alloy.down = true;
                return alloy.components();
            }

            public Result<io.alloytop.metrics.MetricsSnapshot> metrics() {
                return alloy.metrics();
            }
        }, new PosixConfigFiles(), new Backups(state.resolve("b"), clock), preflight, ExternalValidator.NONE, clock,
                clock.sleeper(), new ForwardRunner.Settings(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO),
                new Redactor(List.of(Fixtures.SECRET)), state);
        ForwardRunner.Outcome o = r.run(p, events::add);
        assertFalse(o.ok());
        assertTrue(o.summary().contains("Alloy stopped answering: connection refused"), o.summary());
        assertUntouched();
    }

    @Test
    void configChangedSinceThePlanIsNotOverwritten() throws IOException {
        ForwardPlan p = plan(ForwardPlan.Action.ON, Signal.DEFAULT);
        Files.writeString(config, USER_CONFIG + "// edited meanwhile\n");
        ForwardRunner.Outcome o = run(p);
        assertFalse(o.ok());
        assertTrue(o.summary().contains("changed since the plan was made"), o.summary());
        assertEquals(USER_CONFIG + "// edited meanwhile\n", Files.readString(config));
    }

    @Test
    void anUnexpectedExceptionAfterWritingStillRollsBack() throws IOException {
        ForwardPlan p = plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS));
        ForwardRunner r = new ForwardRunner(new AlloyPort() {
            public Result<String> reload() {
                return alloy.reload();
            }

            public Result<List<io.alloytop.alloy.Component>> components() {
                throw new IllegalStateException("bug in a parser");
            }

            public Result<io.alloytop.metrics.MetricsSnapshot> metrics() {
                return alloy.metrics();
            }
        }, new PosixConfigFiles(), new Backups(state.resolve("b"), clock), preflight, ExternalValidator.NONE, clock,
                clock.sleeper(), new ForwardRunner.Settings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO),
                new Redactor(List.of(Fixtures.SECRET)), state);
        ForwardRunner.Outcome o = r.run(p, events::add);
        assertFalse(o.ok());
        assertTrue(o.summary().startsWith("unexpected error: IllegalStateException: bug in a parser; the previous config is back"),
                o.summary());
        assertUntouched();
    }

    @Test
    void interruptionDuringVerificationRollsBack() throws IOException {
        ForwardPlan p = plan(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS));
        alloy.frozenCounters = true;
        ForwardRunner r = new ForwardRunner(alloy, new PosixConfigFiles(), new Backups(state.resolve("b"), clock), preflight,
                ExternalValidator.NONE, clock, d -> {
                    if (alloy.reloads > 0) throw new InterruptedException();
                }, new ForwardRunner.Settings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO),
                new Redactor(List.of(Fixtures.SECRET)), state);
        ForwardRunner.Outcome o = r.run(p, events::add);
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
        assertFalse(o.ok());
        assertTrue(o.summary().startsWith("interrupted; the previous config is back"), o.summary());
        assertUntouched();
    }
}
