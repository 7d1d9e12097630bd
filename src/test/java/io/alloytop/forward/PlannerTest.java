package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static final Path FILE = Path.of("/etc/alloy/config.alloy");
    static final String DEFAULT = "logging {\n  level = \"warn\"\n}\n\nprometheus.exporter.unix \"default\" { }\n";

    static ConfigOnDisk single(String text) {
        return new ConfigOnDisk(new ConfigLocation(FILE, false, "test"),
                List.of(new ConfigOnDisk.DiskFile(FILE, text.getBytes(StandardCharsets.UTF_8))), null);
    }

    static PlanRequest on(Set<Signal> signals) {
        return new PlanRequest(ForwardPlan.Action.ON, signals, false, Fixtures.cloud(), Optional.empty(), Optional.empty(),
                "127.0.0.1:12345", "alloy.service");
    }

    static PlanRequest off() {
        return new PlanRequest(ForwardPlan.Action.OFF, Set.of(), false, Fixtures.cloud(), Optional.empty(), Optional.empty(),
                "127.0.0.1:12345", "alloy.service");
    }

    @Test
    void onAppendsABlockAndASecretFileAndTheDiffShowsOnlyThat() {
        ForwardPlan p = Planner.plan(on(Signal.DEFAULT), single(DEFAULT)).orNull();
        assertEquals(2, p.changes().size());
        FileChange secret = p.changes().get(0);
        assertTrue(secret.secret() && secret.creates());
        assertEquals(Path.of("/etc/alloy/alloytop-selfmon.key"), secret.path());
        assertEquals("rw-------", secret.newFileMode());
        String diff = p.diff();
        assertTrue(diff.startsWith("# create secret file /etc/alloy/alloytop-selfmon.key (mode 0600, content hidden)\n"
                + "--- /etc/alloy/config.alloy\n+++ /etc/alloy/config.alloy\n@@ -3,3 +3,"), diff);
        assertTrue(diff.contains("\n+" + ManagedBlock.BEGIN + "\n"), diff);
        assertFalse(diff.contains(Fixtures.SECRET));
        assertEquals(0, diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count(),
                "nothing of the user's config is removed:\n" + diff);
        assertEquals(List.of("local.file.alloytop_selfmon_key", "prometheus.exporter.self.alloytop_selfmon",
                "prometheus.scrape.alloytop_selfmon", "prometheus.remote_write.alloytop_selfmon",
                "loki.source.journal.alloytop_selfmon", "loki.write.alloytop_selfmon"), p.expectedComponents());
    }

    @Test
    void offRemovesExactlyWhatOnAdded() {
        ForwardPlan on = Planner.plan(on(EnumSet.allOf(Signal.class)), single(DEFAULT)).orNull();
        byte[] after = on.changes().get(1).after();
        ConfigOnDisk disk = new ConfigOnDisk(single(DEFAULT).location(),
                List.of(new ConfigOnDisk.DiskFile(FILE, after)), Fixtures.SECRET.getBytes());
        ForwardPlan off = Planner.plan(off(), disk).orNull();
        assertEquals(DEFAULT, new String(off.changes().get(0).after(), StandardCharsets.UTF_8));
        assertTrue(off.changes().get(1).deletes() && off.changes().get(1).secret());
        assertTrue(off.removedComponents().contains("otelcol.exporter.otlp.alloytop_selfmon"));
        assertTrue(off.diff().contains("# delete secret file"));
    }

    @Test
    void offWithNothingManagedIsANoOp() {
        ForwardPlan off = Planner.plan(off(), single(DEFAULT)).orNull();
        assertTrue(off.nothingToDo());
        assertTrue(off.notes().get(0).contains("already off"));
    }

    @Test
    void invalidConfigIsNeverTouched() {
        Result<ForwardPlan> r = Planner.plan(on(Signal.DEFAULT), single("logging {\n  level = \"warn\" format = \"json\"\n}\n"));
        assertEquals("Alloy's config is already invalid, so alloytop will not touch it: "
                + "/etc/alloy/config.alloy:2:18: expected TERMINATOR, got IDENT", r.failureOrNull().message());
    }

    @Test
    void aSecondTracingBlockIsRefusedWithWhere() {
        Result<ForwardPlan> r = Planner.plan(on(EnumSet.of(Signal.TRACES)),
                single(DEFAULT + "\ntracing {\n  sampling_fraction = 1\n}\n"));
        String msg = r.failureOrNull().message();
        assertTrue(msg.startsWith("the config already has a tracing block (/etc/alloy/config.alloy:7:1)"), msg);
    }

    @Test
    void clashingIdsAreRefused() {
        Result<ForwardPlan> r = Planner.plan(on(EnumSet.of(Signal.METRICS)),
                single(DEFAULT + "\nprometheus.scrape \"alloytop_selfmon\" {\n  targets = []\n  forward_to = []\n}\n"));
        assertEquals("the config already declares prometheus.scrape.alloytop_selfmon (/etc/alloy/config.alloy:7:1); "
                + "alloytop will not add a second one", r.failureOrNull().message());
    }

    @Test
    void onAgainReplacesTheBlockAndListsWhatGoesAway() {
        ForwardPlan first = Planner.plan(on(EnumSet.of(Signal.METRICS, Signal.LOGS)), single(DEFAULT)).orNull();
        ConfigOnDisk disk = new ConfigOnDisk(single(DEFAULT).location(),
                List.of(new ConfigOnDisk.DiskFile(FILE, first.changes().get(1).after())), Fixtures.SECRET.getBytes());
        ForwardPlan second = Planner.plan(on(EnumSet.of(Signal.METRICS)), disk).orNull();
        assertEquals(List.of("loki.source.journal.alloytop_selfmon", "loki.write.alloytop_selfmon"), second.removedComponents());
        String text = new String(second.changes().get(1).after(), StandardCharsets.UTF_8);
        assertEquals(1, text.split(ManagedBlock.BEGIN, -1).length - 1);
        assertFalse(second.changes().get(0).changes(), "same key, secret file unchanged");
    }

    @Test
    void missingSettingsAreNamed() {
        PlanRequest req = new PlanRequest(ForwardPlan.Action.ON, EnumSet.of(Signal.PROFILES), false,
                CloudSettings.fromEnv(java.util.Map.of("GCLOUD_RW_API_KEY", "k")), Optional.empty(), Optional.empty(),
                "127.0.0.1:12345", "alloy.service");
        assertEquals("missing Grafana Cloud settings: GCLOUD_HOSTED_PROFILES_URL, GCLOUD_HOSTED_PROFILES_ID "
                + "(set them in alloytop's environment)", Planner.plan(req, single(DEFAULT)).failureOrNull().message());
    }

    @Test
    void directoryConfigGetsItsOwnFileCheckedWithTheOthers() {
        Path dir = Path.of("/etc/alloy.d");
        ConfigOnDisk disk = new ConfigOnDisk(new ConfigLocation(dir, true, "test"), List.of(
                new ConfigOnDisk.DiskFile(dir.resolve("a.alloy"), DEFAULT.getBytes())), null);
        ForwardPlan p = Planner.plan(on(EnumSet.of(Signal.METRICS)), disk).orNull();
        FileChange managed = p.changes().get(1);
        assertEquals(dir.resolve("zz-alloytop-selfmon.alloy"), managed.path());
        assertNull(managed.before());
        assertEquals(Optional.of(dir.resolve("a.alloy")), managed.modelFile());
        assertEquals(2, p.result().size());
        assertTrue(p.diff().contains("--- /dev/null\n+++ /etc/alloy.d/zz-alloytop-selfmon.alloy\n@@ -0,0 +1,"), p.diff());

        // a singleton in another file of the directory is a clash for traces
        ConfigOnDisk withTracing = new ConfigOnDisk(disk.location(), List.of(
                new ConfigOnDisk.DiskFile(dir.resolve("a.alloy"), DEFAULT.getBytes()),
                new ConfigOnDisk.DiskFile(dir.resolve("b.alloy"), "tracing {\n}\n".getBytes())), null);
        assertTrue(Planner.plan(on(EnumSet.of(Signal.TRACES)), withTracing).failureOrNull().message()
                .contains("/etc/alloy.d/b.alloy:1:1"));
    }
}
