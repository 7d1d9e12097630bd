package io.alloytop.forward;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.Labels;
import io.alloytop.metrics.MetricFamily;
import io.alloytop.metrics.MetricType;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.Sample;
import io.alloytop.syntax.AlloyFile;
import io.alloytop.syntax.ConfigSources;
import io.alloytop.syntax.Diagnostic;
import io.alloytop.syntax.Stmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small in-process stand-in for Alloy's reload semantics, for fast unit tests of the runner:
 * reload re-reads the config with our parser, keeps the old graph on a syntax error, and every
 * running writer's send counter grows on each /metrics call. Faults are plain fields.
 */
final class FakeAlloy implements AlloyPort {
    final ConfigLocation location;
    List<String> running = new ArrayList<>();
    final Map<String, Double> sent = new HashMap<>();
    final Map<String, Double> failed = new HashMap<>();
    double cpu = 10;

    boolean down;
    String evalErrorOnReload;
    boolean frozenCounters;
    String failingWriter;
    final Map<String, String> unhealthy = new LinkedHashMap<>();
    int reloads;

    FakeAlloy(ConfigLocation location) {
        this.location = location;
        load();
    }

    private List<Diagnostic> load() {
        Result<ConfigOnDisk> disk = ConfigOnDisk.read(location);
        List<Diagnostic> d = ConfigSources.validate(disk.orNull().sources());
        if (!d.isEmpty()) return d;
        List<String> ids = new ArrayList<>();
        for (AlloyFile f : ConfigSources.parseAll(disk.orNull().sources())) {
            for (Stmt s : f.body()) if (s instanceof Stmt.Block b && !b.label().isEmpty()) ids.add(b.id());
        }
        running = ids;
        return d;
    }

    @Override
    public Result<String> reload() {
        if (down) return Result.err(Failure.Kind.REFUSED, "connection refused");
        reloads++;
        List<Diagnostic> d = load();
        if (!d.isEmpty()) {
            return Result.err(Failure.Kind.HTTP_STATUS, "reading config path \"" + location.path() + "\": " + Diagnostic.summary(d) + "\n");
        }
        if (evalErrorOnReload != null) {
            return Result.err(Failure.Kind.HTTP_STATUS, "error during the initial load: " + evalErrorOnReload + "\n");
        }
        return Result.ok("config reloaded\n");
    }

    @Override
    public Result<List<Component>> components() {
        if (down) return Result.err(Failure.Kind.REFUSED, "connection refused");
        List<Component> out = new ArrayList<>();
        for (String id : running) {
            String msg = unhealthy.get(id);
            Health h = msg != null ? new Health(HealthState.UNHEALTHY, msg, "") : new Health(HealthState.HEALTHY, "started component", "");
            String name = id.substring(0, id.lastIndexOf('.'));
            out.add(new Component(name, id, "", id.substring(id.lastIndexOf('.') + 1), null, null, null, h, null, null, null, null, false));
        }
        return Result.ok(out);
    }

    @Override
    public Result<MetricsSnapshot> metrics() {
        if (down) return Result.err(Failure.Kind.REFUSED, "connection refused");
        List<Sample> samples = new ArrayList<>();
        List<MetricFamily> fams = new ArrayList<>();
        cpu += 0.5;
        fams.add(family("process_cpu_seconds_total", List.of(new Sample("process_cpu_seconds_total", Labels.EMPTY, cpu, Sample.NO_TIMESTAMP))));
        fams.add(family("process_resident_memory_bytes", List.of(new Sample("process_resident_memory_bytes", Labels.EMPTY, 80e6, Sample.NO_TIMESTAMP))));
        for (Signal s : Signal.values()) {
            String w = ManagedIds.writer(s);
            if (!running.contains(w)) continue;
            WriterMetrics wm = WriterMetrics.of(s);
            if (!frozenCounters) sent.merge(w, 100.0, Double::sum);
            if (w.equals(failingWriter)) failed.merge(w, 5.0, Double::sum);
            Labels l = Labels.ofPairs("component_id", w, "component_path", "/");
            samples.add(new Sample(wm.sent().get(0), l, sent.getOrDefault(w, 0.0), Sample.NO_TIMESTAMP));
            samples.add(new Sample(wm.failed().get(0), l, failed.getOrDefault(w, 0.0), Sample.NO_TIMESTAMP));
        }
        fams.add(family("writers", samples));
        return Result.ok(new MetricsSnapshot(fams));
    }

    private static MetricFamily family(String name, List<Sample> samples) {
        return new MetricFamily(name, MetricType.COUNTER, "", samples);
    }

    static byte[] read(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllBytes(p) : null;
    }
}
