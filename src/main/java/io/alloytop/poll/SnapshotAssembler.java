package io.alloytop.poll;

import io.alloytop.alloy.AlloyIdentity;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.HealthState;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.Sample;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns successive {@link Fetch}es into snapshots: rates from counters, ring-buffered series,
 * restarts and gaps. Pure apart from its own state; time comes in as an argument, so every rule
 * here is tested without sleeping. Not thread-safe: one poller thread drives it.
 */
public final class SnapshotAssembler {
    /** 30 minutes at the default 2 s interval. */
    public static final int CAPACITY = 900;
    /** Rates over shorter spans are mostly counter quantisation (10 ms CPU ticks): keep the last value. */
    static final long MIN_RATE_SPAN_MILLIS = 250;
    /**
     * A start time that moves by more than this is a restart, not float noise: Go's collector
     * reports it with clock-tick (10 ms) resolution, and systemd restarts a crashed Alloy within 100 ms.
     */
    private static final double RESTART_EPSILON_SECONDS = 0.05;

    private static final String[] KEYS = {
        SeriesKeys.ALLOY_CPU, SeriesKeys.ALLOY_RSS, SeriesKeys.GO_HEAP, SeriesKeys.GOROUTINES,
        SeriesKeys.EVAL_SECONDS, SeriesKeys.COMPONENTS_BAD, SeriesKeys.HOST_CPU, SeriesKeys.HOST_MEM,
        SeriesKeys.SELF_CPU, SeriesKeys.SELF_RSS
    };

    private final String target;
    private final boolean local;
    private final Map<String, Ring> rings = new LinkedHashMap<>();

    // previous counter readings; NaN/absent after a gap or a restart
    private long prevAtMillis = Long.MIN_VALUE;
    private double prevCpu = Double.NaN;
    private double prevEvalSum = Double.NaN;
    private double prevEvalCount = Double.NaN;
    private double lastCpuPercent = Double.NaN;
    private double lastEval = Double.NaN;
    private double prevStart = Double.NaN;
    private ProcStats.HostSample prevHost;
    private ProcStats.SelfSample prevSelf;
    private long prevProcMillis = Long.MIN_VALUE;

    private int restarts;
    private Instant lastGoodAt;
    private String version = "";
    private boolean isAlloy;
    private boolean ready;
    private ConfigState config;
    private List<Component> components = List.of();
    private Stats lastAlloyStats = Stats.UNKNOWN;
    private MetricsSnapshot lastMetrics;

    public SnapshotAssembler(String target, boolean local) {
        this.target = target;
        this.local = local;
        for (String k : KEYS) rings.put(k, new Ring(CAPACITY));
    }

    public AlloySnapshot assemble(Instant at, Fetch f, ProcStats.HostSample host, ProcStats.SelfSample self) {
        long now = at.toEpochMilli();
        double hostCpu = Double.NaN;
        double hostUsed = Double.NaN;
        double hostTotal = Double.NaN;
        if (local && host != null) {
            if (prevHost != null) {
                double dt = host.totalTicks() - prevHost.totalTicks();
                double db = host.busyTicks() - prevHost.busyTicks();
                if (dt > 0 && db >= 0) hostCpu = Math.min(100.0, db / dt * 100.0);
            }
            prevHost = host;
            hostUsed = host.memUsedBytes();
            hostTotal = host.memTotalBytes();
        }
        double selfCpu = Double.NaN;
        double selfRss = self == null ? Double.NaN : self.rssBytes();
        if (self != null) {
            if (prevSelf != null && now > prevProcMillis) {
                double d = self.cpuNanos() - prevSelf.cpuNanos();
                if (d >= 0) selfCpu = d / ((now - prevProcMillis) * 1e6) * 100.0;
            }
            prevSelf = self;
            prevProcMillis = now;
        }

        Failure failure = f.metrics().failureOrNull();
        Failure componentsFailure = null;
        Stats stats;
        if (failure != null) {
            // a gap: NaN in every Alloy series, and no rate may span it
            prevAtMillis = Long.MIN_VALUE;
            prevCpu = Double.NaN;
            prevEvalSum = Double.NaN;
            prevEvalCount = Double.NaN;
            lastCpuPercent = Double.NaN;
            lastEval = Double.NaN;
            push(now, SeriesKeys.ALLOY_CPU, Double.NaN);
            push(now, SeriesKeys.ALLOY_RSS, Double.NaN);
            push(now, SeriesKeys.GO_HEAP, Double.NaN);
            push(now, SeriesKeys.GOROUTINES, Double.NaN);
            push(now, SeriesKeys.EVAL_SECONDS, Double.NaN);
            push(now, SeriesKeys.COMPONENTS_BAD, Double.NaN);
            stats = new Stats(lastAlloyStats.alloyCpuPercent(), lastAlloyStats.alloyRssBytes(),
                    lastAlloyStats.goHeapInuseBytes(), lastAlloyStats.goroutines(),
                    hostCpu, hostUsed, hostTotal, selfCpu, selfRss);
        } else {
            MetricsSnapshot m = f.metrics().orNull();
            lastMetrics = m;
            lastGoodAt = at;
            isAlloy = AlloyIdentity.isAlloy(m);
            version = AlloyIdentity.version(m);
            failure = AlloyIdentity.notAlloy(m, target);

            double start = first(m, "process_start_time_seconds", "alloy_resources_process_start_time_seconds");
            if (!Double.isNaN(start) && !Double.isNaN(prevStart) && Math.abs(start - prevStart) > RESTART_EPSILON_SECONDS) {
                restarts++;
                prevAtMillis = Long.MIN_VALUE; // counters started again from zero: no rate across it
                prevCpu = Double.NaN;
                prevEvalSum = Double.NaN;
                prevEvalCount = Double.NaN;
                lastCpuPercent = Double.NaN;
                lastEval = Double.NaN;
            }
            if (!Double.isNaN(start)) prevStart = start;

            double cpu = first(m, "process_cpu_seconds_total", "alloy_resources_process_cpu_seconds_total");
            double evalSum = m.sum("alloy_component_evaluation_seconds_sum");
            double evalCount = m.sum("alloy_component_evaluation_seconds_count");
            boolean hasEval = m.has("alloy_component_evaluation_seconds_count");
            double cpuPercent;
            double eval;
            if (prevAtMillis != Long.MIN_VALUE && now - prevAtMillis < MIN_RATE_SPAN_MILLIS) {
                cpuPercent = lastCpuPercent; // too soon after the last poll (refresh now): keep the last rate
                eval = lastEval;
            } else {
                double span = (now - prevAtMillis) / 1000.0;
                cpuPercent = Double.NaN;
                eval = Double.NaN;
                if (prevAtMillis != Long.MIN_VALUE) {
                    double dc = cpu - prevCpu;
                    if (dc >= 0) cpuPercent = dc / span * 100.0; // dc < 0: a reset we missed: a gap, not a spike
                    double dn = evalCount - prevEvalCount;
                    if (hasEval && dn > 0) eval = (evalSum - prevEvalSum) / dn;
                    else if (hasEval && dn == 0) eval = 0; // nothing was evaluated in this interval
                }
                prevAtMillis = now;
                prevCpu = cpu;
                prevEvalSum = evalSum;
                prevEvalCount = evalCount;
                lastCpuPercent = cpuPercent;
                lastEval = eval;
            }
            double rss = first(m, "process_resident_memory_bytes", "alloy_resources_process_resident_memory_bytes");
            double heap = first(m, "go_memstats_heap_inuse_bytes", null);
            double goroutines = first(m, "go_goroutines", null);
            config = configState(m);

            Failure cf = f.components() == null ? null : f.components().failureOrNull();
            if (f.components() != null && cf == null) {
                components = f.components().orNull();
            } else {
                componentsFailure = cf;
            }
            if (f.ready() != null && f.ready().isOk()) ready = f.ready().orNull();
            else if (f.ready() != null) ready = false;

            push(now, SeriesKeys.ALLOY_CPU, cpuPercent);
            push(now, SeriesKeys.ALLOY_RSS, rss);
            push(now, SeriesKeys.GO_HEAP, heap);
            push(now, SeriesKeys.GOROUTINES, goroutines);
            push(now, SeriesKeys.EVAL_SECONDS, eval);
            push(now, SeriesKeys.COMPONENTS_BAD, componentsFailure == null ? bad(components) : Double.NaN);
            lastAlloyStats = new Stats(cpuPercent, rss, heap, goroutines, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
            stats = new Stats(cpuPercent, rss, heap, goroutines, hostCpu, hostUsed, hostTotal, selfCpu, selfRss);
        }
        if (local) {
            push(now, SeriesKeys.HOST_CPU, hostCpu);
            push(now, SeriesKeys.HOST_MEM, hostUsed);
        }
        push(now, SeriesKeys.SELF_CPU, selfCpu);
        push(now, SeriesKeys.SELF_RSS, selfRss);

        Map<String, SeriesView> history = new LinkedHashMap<>();
        for (Map.Entry<String, Ring> e : rings.entrySet()) {
            if (e.getValue().size() > 0) history.put(e.getKey(), e.getValue().view());
        }
        return new AlloySnapshot(at, target, failure, lastGoodAt, version, isAlloy, ready, prevStart, config,
                components, componentsFailure, stats, Map.copyOf(history), lastMetrics, restarts);
    }

    private void push(long now, String key, double v) {
        rings.get(key).add(now, v);
    }

    private static double bad(List<Component> cs) {
        int n = 0;
        for (Component c : cs) if (c.health().state() != HealthState.HEALTHY) n++;
        return n;
    }

    /** The first metric present, else the fallback (alloy_resources_* where process_* is missing). */
    private static double first(MetricsSnapshot m, String name, String fallback) {
        OptionalDouble v = m.first(name);
        if (v.isEmpty() && fallback != null) v = m.first(fallback);
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    static ConfigState configState(MetricsSnapshot m) {
        OptionalDouble ok = m.first("alloy_config_last_load_successful");
        if (ok.isEmpty()) return null;
        String hash = "";
        for (Sample s : m.samples("alloy_config_hash")) {
            String h = s.labels().get("sha256");
            if (h != null) {
                hash = h;
                break;
            }
        }
        return new ConfigState(ok.getAsDouble() == 1.0, m.sum("alloy_config_load_failures_total"), hash,
                m.first("alloy_config_last_load_success_timestamp_seconds").orElse(Double.NaN));
    }
}
