package io.alloytop.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.ConfigState;
import io.alloytop.poll.SeriesKeys;
import io.alloytop.poll.SeriesView;
import io.alloytop.poll.Stats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Constructed snapshots for view and update tests (and the dev runner), shaped like facts §2. */
public final class Samples {
    public static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final String[] TYPES = {"prometheus.scrape", "prometheus.remote_write", "discovery.kubernetes",
        "loki.source.journal", "loki.write", "prometheus.exporter.unix", "otelcol.receiver.otlp", "local.file"};

    private Samples() {}

    public static Component component(String type, String label, String module, HealthState h, String message, String updated) {
        return new Component(type, type + "." + label, module, label, List.of(), List.of(), List.of(),
                new Health(h, message, updated), null, null, null, List.of(), false);
    }

    /** The four components of facts §2.4: one unhealthy local.file, three healthy. */
    public static List<Component> small() {
        List<Component> l = new ArrayList<>();
        l.add(new Component("local.file", "local.file.api_key", "", "api_key", List.of(),
                List.of("prometheus.remote_write.default"), List.of("prometheus.remote_write.default"),
                new Health(HealthState.UNHEALTHY, "failed to read file: open /etc/alloy/secrets/api_key: no such file or directory",
                        "2026-11-22T08:59:07.552018341Z"), null, null, null, List.of(), false));
        l.add(component("prometheus.exporter.unix", "default", "", HealthState.HEALTHY, "started component", "2026-11-22T08:40:12.903311870Z"));
        l.add(new Component("prometheus.scrape", "prometheus.scrape.default", "", "default",
                List.of("prometheus.exporter.unix.default", "prometheus.remote_write.default"), List.of(),
                List.of("prometheus.remote_write.default"),
                new Health(HealthState.HEALTHY, "started component", "2026-11-22T10:40:12.911027455+02:00"), null, null, null, List.of(), true));
        l.add(component("prometheus.remote_write", "default", "", HealthState.HEALTHY, "component evaluated", "2026-11-22T08:41:07.553900127Z"));
        return l;
    }

    /** n components over a few modules, a sprinkling unhealthy/unknown/exited. */
    public static List<Component> many(int n, long seed) {
        List<Component> l = new ArrayList<>();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            String type = TYPES[i % TYPES.length];
            String module = i % 5 == 0 ? "" : i % 5 == 1 ? "self_monitor.main" : "foreach.hosts/foreach_web" + (i % 7) + "_1";
            int roll = r.nextInt(100);
            HealthState h = roll < 88 ? HealthState.HEALTHY : roll < 94 ? HealthState.UNHEALTHY : roll < 98 ? HealthState.UNKNOWN : HealthState.EXITED;
            String msg = h == HealthState.HEALTHY ? "started component"
                    : h == HealthState.UNHEALTHY ? "server returned HTTP status 401 Unauthorized: authentication error"
                    : h == HealthState.EXITED ? "component shut down with error: context canceled" : "component created";
            String updated = T0.minusSeconds(r.nextInt(90_000)).toString();
            l.add(component(type, "c" + i, module, h, msg, updated));
        }
        return l;
    }

    public static SeriesView series(int n, double base, double amp) {
        double[] v = new double[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = base + amp * Math.sin(i / 5.0);
            t[i] = T0.toEpochMilli() - (n - i) * 2000L;
        }
        return new SeriesView(v, t);
    }

    public static AlloySnapshot ok(List<Component> components, Instant at) {
        Map<String, SeriesView> hist = new HashMap<>();
        hist.put(SeriesKeys.ALLOY_CPU, series(120, 12, 8));
        hist.put(SeriesKeys.ALLOY_RSS, series(120, 210e6, 20e6));
        Stats st = new Stats(12.3, 212e6, 58e6, 152, 23.4, 5.1e9, 15.6e9, 0.4, 95e6);
        return new AlloySnapshot(at, "http://127.0.0.1:12345", null, at, "v1.8.2", true, true,
                at.getEpochSecond() - 3 * 86400 - 4 * 3600, new ConfigState(true, 0, "a1b2c3d4e5f6a7b8", at.getEpochSecond() - 600),
                components, null, st, hist, null, 0);
    }

    public static AlloySnapshot unreachable(List<Component> last, Instant at, Instant lastGood) {
        AlloySnapshot ok = ok(last, lastGood);
        return new AlloySnapshot(at, ok.target(), new Failure(Failure.Kind.REFUSED, "connection refused (127.0.0.1:12345)"),
                lastGood, ok.version(), true, false, ok.startEpochSeconds(), ok.config(), last, null, ok.stats(), ok.history(), null, 0);
    }

    public static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
