package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.demo.ComponentDecl;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoClock;
import io.alloytop.demo.DemoOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole on → verify → off cycle against the demo Alloy over HTTP, the demo reading the real
 * config file through {@link FileDemoConfigLoader}; a failure injected at every step; after each,
 * the config's bytes, owner and mode are exactly what they were. Time is the demo's clock, moved
 * by the runner's sleeper, so the test does not wait.
 */
class ForwardDemoCycleTest {
    static final String USER_CONFIG = String.join("\n",
            "logging {",
            "  level = \"warn\"",
            "}",
            "",
            "prometheus.exporter.unix \"default\" { }",
            "",
            "prometheus.scrape \"default\" {",
            "  targets    = prometheus.exporter.unix.default.targets",
            "  forward_to = [prometheus.remote_write.mimir.receiver]",
            "}",
            "",
            "prometheus.remote_write \"mimir\" {",
            "  endpoint {",
            "    url = \"http://mimir.internal:9009/api/v1/push\"",
            "  }",
            "}",
            "");

    @TempDir
    Path tmp;

    Path config;
    FileState original;
    FileDemoConfigLoader loader;
    DemoClock demoClock;
    MutableClock runnerClock;
    boolean demoTimeFrozen;
    DemoAlloy demo;
    HttpAlloyClient api;
    final List<ForwardStep> events = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();
    Map<String, String> env;

    @BeforeEach
    void start() throws IOException {
        Path etc = Files.createDirectories(tmp.resolve("etc/alloy"));
        config = Files.writeString(etc.resolve("config.alloy"), USER_CONFIG);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        original = new PosixConfigFiles().capture(config);
        loader = new FileDemoConfigLoader(new ConfigLocation(config, false, "test"));
        demoClock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
        runnerClock = new MutableClock();
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(demoClock).withConfigLoader(loader));
        api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl()).withTimeout(Duration.ofSeconds(5))).orNull();
        env = new HashMap<>(Fixtures.cloudEnv("https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push",
                "https://logs-prod-006.grafana.net/loki/api/v1/push"));
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        env.put("PATH", tmp.resolve("no-bin").toString());
    }

    @AfterEach
    void stop() {
        api.close();
        demo.close();
    }

    ForwardSession session(ConfigFiles files) {
        ForwardRunner.Sleeper sleeper = d -> {
            runnerClock.advance(d);
            if (!demoTimeFrozen) demoClock.advance(d);
        };
        return new ForwardSession(AlloyPort.of(api), demo.baseUrl(), env, tmp, runnerClock,
                new ForwardRunner.Settings(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5)), sleeper)
                .withPreflight(s -> {
                    Map<Signal, PreflightResult> m = new EnumMap<>(Signal.class);
                    for (Signal x : s) m.put(x, new PreflightResult(PreflightResult.Kind.OK, x.label() + " endpoint accepted the credentials"));
                    return m;
                })
                .withFiles(files);
    }

    ForwardRunner.Outcome run(ForwardPlan.Action action, Set<Signal> signals, ConfigFiles files) {
        ForwardSession s = session(files);
        var prepared = s.prepare(action, new ForwardSession.Options(signals, config, false, "alloy.service"));
        assertTrue(prepared.isOk(), () -> prepared.failureOrNull().message());
        outputs.add(prepared.orNull().plan().diff());
        ForwardRunner.Outcome o = s.execute(prepared.orNull(), e -> {
            events.add(e);
            outputs.add(ForwardText.step(e));
        });
        outputs.add(o.summary());
        return o;
    }

    ForwardRunner.Outcome run(ForwardPlan.Action action, Set<Signal> signals) {
        return run(action, signals, new PosixConfigFiles());
    }

    Set<String> demoIds() {
        return Set.copyOf(demo.world().componentIds());
    }

    static final Set<String> USER_IDS = Set.of("prometheus.exporter.unix.default", "prometheus.scrape.default",
            "prometheus.remote_write.mimir");

    void assertUntouched() throws IOException {
        FileState now = new PosixConfigFiles().capture(config);
        assertArrayEquals(original.bytes(), now.bytes(), "config bytes changed");
        assertEquals(original.owner(), now.owner());
        assertEquals(original.group(), now.group());
        assertEquals(original.perms(), now.perms());
        try (Stream<Path> s = Files.list(config.getParent())) {
            assertEquals(List.of(config), s.toList(), "stray files next to the config");
        }
    }

    void assertNoSecretWritten() throws IOException {
        for (String o : outputs) assertFalse(o.contains(Fixtures.SECRET), o);
        try (Stream<Path> s = Files.walk(tmp)) {
            // tmp/proc is the test's fake Alloy environment, written by the test itself.
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.startsWith(tmp.resolve("proc"))).toList()) {
                if (p.getFileName().toString().equals(ManagedIds.SECRET_FILE_NAME)) {
                    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                            Files.getPosixFilePermissions(p), "the one file allowed to hold the key is private");
                    continue;
                }
                assertFalse(new String(Files.readAllBytes(p)).contains(Fixtures.SECRET), "secret written to " + p);
            }
        }
    }

    String summary() {
        return events.get(events.size() - 1).message();
    }

    @Test
    void onVerifyStatusOff() throws Exception {
        assertEquals(USER_IDS, demoIds());
        ForwardRunner.Outcome on = run(ForwardPlan.Action.ON, EnumSet.allOf(Signal.class));
        assertTrue(on.ok(), on.summary() + "\n" + String.join("\n", outputs));
        assertTrue(demoIds().containsAll(ManagedIds.components(EnumSet.allOf(Signal.class), false, true)), demoIds().toString());
        assertTrue(Files.readString(config).contains("prometheus.remote_write \"alloytop_selfmon\""));
        assertEquals(original.perms(), Files.getPosixFilePermissions(config));
        String verify = events.stream().filter(e -> e.step() == ForwardStep.Step.VERIFY && e.state() != ForwardStep.State.RUNNING)
                .findFirst().orElseThrow().message();
        assertTrue(verify.startsWith("metrics: ") && verify.contains("samples sent"), verify);

        assertTrue(session(new PosixConfigFiles()).isOn(config).orNull());
        var status = session(new PosixConfigFiles()).status(config, Duration.ofSeconds(10)).orNull();
        outputs.add(ForwardText.status(status));
        for (SignalStatus s : status.signals()) assertEquals(SignalStatus.Kind.SENDING, s.kind(), s.toString());
        assertTrue(status.overhead().startsWith("Alloy CPU "), status.overhead());

        events.clear();
        ForwardRunner.Outcome off = run(ForwardPlan.Action.OFF, Set.of());
        assertTrue(off.ok(), off.summary());
        assertFalse(session(new PosixConfigFiles()).isOn(config).orNull());
        assertUntouched();
        assertEquals(USER_IDS, demoIds());
        assertNoSecretWritten();
    }

    @Test
    void writeFails() throws IOException {
        ConfigFiles failing = new ConfigFiles() {
            final PosixConfigFiles real = new PosixConfigFiles();

            public FileState capture(Path p) throws IOException {
                return real.capture(p);
            }

            public List<String> write(Path p, byte[] b, Optional<FileState> like, Set<PosixFilePermission> perms,
                    Optional<Integer> uid) throws IOException {
                if (p.equals(config)) throw new java.nio.file.AccessDeniedException(p.toString());
                return real.write(p, b, like, perms, uid);
            }

            public void delete(Path p) throws IOException {
                real.delete(p);
            }
        };
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, Signal.DEFAULT, failing);
        assertFalse(o.ok());
        assertTrue(summary().startsWith("writing failed: AccessDeniedException: " + config), summary());
        assertUntouched();
        assertEquals(USER_IDS, demoIds());
        assertNoSecretWritten();
    }

    @Test
    void reloadSyntaxErrorKeepsTheOldGraph() throws IOException {
        int loadsBefore = loader.loads;
        // Alloy's parser may reject what ours accepted (a newer rule): simulate it by corrupting the write.
        ConfigFiles corrupting = new ConfigFiles() {
            final PosixConfigFiles real = new PosixConfigFiles();

            public FileState capture(Path p) throws IOException {
                return real.capture(p);
            }

            public List<String> write(Path p, byte[] b, Optional<FileState> like, Set<PosixFilePermission> perms,
                    Optional<Integer> uid) throws IOException {
                byte[] bytes = p.equals(config) && !java.util.Arrays.equals(b, original.bytes())
                        ? (new String(b) + "oops = 'x'\n").getBytes() : b;
                return real.write(p, bytes, like, perms, uid);
            }

            public void delete(Path p) throws IOException {
                real.delete(p);
            }
        };
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, Signal.DEFAULT, corrupting);
        assertFalse(o.ok());
        assertTrue(summary().startsWith("Alloy refused the new config: reading config path \"" + config + "\": " + config + ":"),
                summary());
        assertTrue(summary().contains("illegal single-quoted string; use double quotes"), summary());
        assertTrue(loader.loads >= loadsBefore + 2, "reloaded again after the rollback");
        assertUntouched();
        assertEquals(USER_IDS, demoIds(), "a syntax error kept the old graph running");
    }

    @Test
    void reloadEvaluationErrorAppliedTheNewGraphAndRollbackRemovesIt() throws IOException {
        loader.evalError = decls -> decls.stream().anyMatch(d -> d.name().equals("loki.source.journal"))
                ? config + ":30:1: Failed to build component: building component: creating journal reader: permission denied"
                : null;
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, Signal.DEFAULT);
        assertFalse(o.ok());
        assertTrue(summary().startsWith("Alloy refused the new config: error during the initial load: " + config
                + ":30:1: Failed to build component"), summary());
        assertUntouched();
        assertEquals(USER_IDS, demoIds(), "the reload after the rollback removed the half-applied components");
        assertNoSecretWritten();
    }

    @Test
    void componentUnhealthyWith401() throws IOException {
        FileDemoConfigLoader l = loader;
        demo.close();
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(demoClock).withConfigLoader(() -> {
            var out = l.load();
            if (out instanceof io.alloytop.demo.LoadOutcome.Ok ok) {
                List<ComponentDecl> decls = new ArrayList<>();
                for (ComponentDecl d : ok.components()) {
                    decls.add(d.localID().equals("loki.write.alloytop_selfmon")
                            ? d.withHealth("unhealthy", "server returned HTTP status 401 Unauthorized (authentication error)") : d);
                }
                return new io.alloytop.demo.LoadOutcome.Ok(decls);
            }
            return out;
        }));
        api.close();
        api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl())).orNull();
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, Signal.DEFAULT);
        assertFalse(o.ok());
        assertTrue(summary().startsWith("verification failed: loki.write.alloytop_selfmon is unhealthy: server returned HTTP "
                + "status 401 Unauthorized"), summary());
        assertUntouched();
        assertEquals(USER_IDS, demoIds());
    }

    @Test
    void newWritersRejectedByTheEndpoint() throws IOException {
        demo.faults().rejectNewWriterCredentials(true);
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS));
        assertFalse(o.ok());
        assertTrue(summary().startsWith("verification failed: prometheus.remote_write.alloytop_selfmon failed to send "), summary());
        assertUntouched();
        assertEquals(USER_IDS, demoIds());
    }

    @Test
    void countersNotMoving() throws IOException {
        demoTimeFrozen = true;
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, EnumSet.of(Signal.METRICS));
        assertFalse(o.ok());
        assertTrue(summary().contains("prometheus.remote_write.alloytop_selfmon has not sent anything yet before the "
                + "verification timeout"), summary());
        assertUntouched();
        assertEquals(USER_IDS, demoIds());
    }

    @Test
    void alloyDownMidWay() throws IOException {
        ConfigFiles downAfterWrite = new ConfigFiles() {
            final PosixConfigFiles real = new PosixConfigFiles();

            public FileState capture(Path p) throws IOException {
                return real.capture(p);
            }

            public List<String> write(Path p, byte[] b, Optional<FileState> like, Set<PosixFilePermission> perms,
                    Optional<Integer> uid) throws IOException {
                List<String> w = real.write(p, b, like, perms, uid);
                if (p.equals(config) && !java.util.Arrays.equals(b, original.bytes())) demo.faults().down(true);
                return w;
            }

            public void delete(Path p) throws IOException {
                real.delete(p);
            }
        };
        ForwardRunner.Outcome o = run(ForwardPlan.Action.ON, Signal.DEFAULT, downAfterWrite);
        assertFalse(o.ok());
        assertTrue(summary().startsWith("Alloy did not answer the reload: "), summary());
        assertTrue(summary().contains("reloading the previous config also failed"), summary());
        assertUntouched();
        demo.faults().down(false);
        assertTrue(api.reload().isOk());
        assertEquals(USER_IDS, demoIds());
    }

    @Test
    void directoryConfigFoundFromAlloysCommandLineWithTheKeyInAlloysEnvironment() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("etc/alloy.d"));
        Path a = Files.writeString(dir.resolve("a.alloy"), USER_CONFIG);
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
        byte[] aBytes = Files.readAllBytes(a);
        // A fake /proc with a running `alloy run <dir>` whose environment has the same key.
        Path proc = Files.createDirectories(tmp.resolve("proc/4242"));
        Files.write(proc.resolve("cmdline"), ("/usr/bin/alloy\0run\0--storage.path=/var/lib/alloy/data\0" + dir + "\0").getBytes());
        Files.writeString(proc.resolve("comm"), "alloy\n");
        Files.writeString(proc.resolve("environ"), "HOSTNAME=h\0GCLOUD_RW_API_KEY=" + Fixtures.SECRET + "\0");
        demo.close();
        loader = new FileDemoConfigLoader(new ConfigLocation(dir, true, "test"));
        demo = DemoAlloy.start(DemoOptions.defaults().withClock(demoClock).withConfigLoader(loader));
        api.close();
        api = HttpAlloyClient.create(ConnectionSettings.of(demo.baseUrl())).orNull();

        ForwardSession s = session(new PosixConfigFiles());
        var prepared = s.prepare(ForwardPlan.Action.ON, new ForwardSession.Options(EnumSet.of(Signal.METRICS), null, true, null));
        assertTrue(prepared.isOk(), () -> prepared.failureOrNull().message());
        ForwardPlan plan = prepared.orNull().plan();
        assertEquals("the command line of alloy (pid 4242)", plan.location().foundBy());
        String diff = plan.diff();
        outputs.add(diff);
        assertTrue(diff.contains("password = sys.env(\"GCLOUD_RW_API_KEY\")"), diff);
        assertFalse(diff.contains("secret file"), "no key file when Alloy's environment has the key");
        ForwardRunner.Outcome on = s.execute(prepared.orNull(), events::add);
        assertTrue(on.ok(), on.summary() + events);
        Path managed = dir.resolve(ManagedIds.MANAGED_FILE_NAME);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(managed)), "mode copied from a.alloy");
        assertTrue(demoIds().contains("prometheus.exporter.unix.alloytop_selfmon"), "--host-metrics");

        var off = s.prepare(ForwardPlan.Action.OFF, new ForwardSession.Options(Set.of(), null, false, null));
        assertTrue(s.execute(off.orNull(), events::add).ok());
        assertFalse(Files.exists(managed));
        assertArrayEquals(aBytes, Files.readAllBytes(a));
        assertEquals(USER_IDS, demoIds());
        for (ForwardStep e : events) outputs.add(e.message());
        assertNoSecretWritten();
    }
}
