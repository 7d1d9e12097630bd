package io.alloytop.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The simulated Alloy process: its component graph, per-component data flow, process and Go runtime
 * figures, and config-load state. Everything moves with the injected clock (lazily, on each read) and
 * a seeded random source, so a test with a hand-driven clock sees reproducible values. Counters only
 * go up, except across {@link #restart()}.
 */
public final class DemoWorld {
    /** A read-only view of one component for tests. */
    public record ComponentState(String globalId, String name, String localId, String moduleId, String state,
                                 String message, Map<String, Double> counters) {}

    private static final double MB = 1024 * 1024;
    private static final Duration MAX_STEP = Duration.ofSeconds(5);

    private final Clock clock;
    private final SplittableRandom rnd;
    private final DemoLogs logs;
    private final List<DemoComponent> components = new ArrayList<>();
    private final Map<String, DemoComponent> byId = new HashMap<>();
    private final Map<String, Histogram> evalHistograms = new LinkedHashMap<>();
    private final Map<String, Histogram> depWaitHistograms = new LinkedHashMap<>();
    private Instant last;

    // Process and runtime.
    private Instant startTime;
    private double cpuSeconds;
    private double rss;
    private double heapInuse;
    private double goroutines;
    private double netRx;
    private double netTx;
    private double gcCount;
    private double gcPauseSum;
    private double allocTotal;
    private int restarts;

    // Config state.
    private boolean lastLoadSuccessful = true;
    private Instant lastLoadSuccess;
    private long loadFailures;
    private String configHash = "0".repeat(64);
    private boolean rejectNewWriterCredentials;
    private int evaluationQueueSize;

    DemoWorld(Clock clock, long seed, DemoLogs logs) {
        this.clock = clock;
        this.rnd = new SplittableRandom(seed);
        this.logs = logs;
        this.last = clock.instant();
        this.startTime = last;
        this.lastLoadSuccess = last;
        this.rss = 96 * MB;
        this.heapInuse = 38 * MB;
        this.goroutines = 120;
    }

    // ---------------------------------------------------------------- graph

    /** Replaces the graph with these declarations; components that keep their ID keep their counters. */
    synchronized void apply(List<ComponentDecl> decls) {
        advanceTo(clock.instant());
        Instant now = last;
        Map<String, DemoComponent> old = new HashMap<>(byId);
        components.clear();
        byId.clear();
        for (ComponentDecl d : decls) {
            if (byId.containsKey(d.globalID())) continue; // the loader should have refused duplicates
            DemoComponent c = old.remove(d.globalID());
            if (c == null || c.kind != Kind.of(d.name())) {
                double rate = Kind.of(d.name()).baseRate() * (0.6 + 0.8 * rnd.nextDouble());
                c = new DemoComponent(d, rate, rnd.nextDouble() * Math.PI * 2, now);
                if (c.kind.writer && rejectNewWriterCredentials) c.failing401 = true;
                if ("unhealthy".equals(c.state)) logs.unhealthy(now, c);
            } else {
                boolean healthDeclared = d.health() != null || c.decl.health() != null;
                c.decl = d;
                // Any load re-runs Synchronize, which restarts exited tasks (facts §10.7).
                if (healthDeclared || "exited".equals(c.state)) c.applyDeclaredHealth(now);
            }
            components.add(c);
            byId.put(d.globalID(), c);
            evalHistogram(d.moduleID()).observe(0.0004 + rnd.nextDouble() * 0.004);
        }
        for (DemoComponent gone : old.values()) logs.component(now, "info", gone, "component shut down cleanly");
        wire();
    }

    private void wire() {
        Map<String, DemoComponent> local = new HashMap<>();
        for (DemoComponent c : components) {
            c.referencedBy.clear();
            c.edges.clear();
            local.put(c.moduleID() + "\u0000" + c.localID(), c);
        }
        for (DemoComponent c : components) {
            for (String ref : c.decl.referencesTo()) {
                DemoComponent target = local.get(c.moduleID() + "\u0000" + ref);
                if (target == null) continue;
                if (!target.referencedBy.contains(c.localID())) target.referencedBy.add(c.localID());
                if (c.decl.dataFlowEdgesTo() == null) {
                    if (ComponentDecl.isReceiverType(ComponentDecl.typeOf(ref))) c.edges.add(ref);
                    else target.edges.add(c.localID());
                }
            }
        }
        for (DemoComponent c : components) {
            if (c.decl.dataFlowEdgesTo() != null) c.edges.addAll(c.decl.dataFlowEdgesTo());
        }
    }

    private Histogram evalHistogram(String moduleID) {
        depWaitHistograms.computeIfAbsent(moduleID, k -> new Histogram(Histogram.EVAL_BUCKETS)).observe(rnd.nextDouble() * 0.002);
        return evalHistograms.computeIfAbsent(moduleID, k -> new Histogram(Histogram.EVAL_BUCKETS));
    }

    // ---------------------------------------------------------------- time

    /** Brings every simulated value up to the clock's now. */
    public synchronized void advance() {
        advanceTo(clock.instant());
    }

    private void advanceTo(Instant now) {
        while (last.isBefore(now)) {
            Instant next = last.plus(MAX_STEP).isBefore(now) ? last.plus(MAX_STEP) : now;
            double dt = Duration.between(last, next).toNanos() / 1e9;
            step(dt, next);
            last = next;
        }
        logs.generate(this, now);
    }

    private void step(double dt, Instant end) {
        double t = end.toEpochMilli() / 1000.0;
        double cpuRate = clamp(0.05 + 0.022 * Math.sin(2 * Math.PI * t / 240) + 0.008 * gauss(), 0.02, 0.08);
        cpuSeconds += cpuRate * dt;
        rss = reflect(rss + gauss() * 0.9 * MB * Math.sqrt(dt), 80 * MB, 150 * MB);
        heapInuse = clamp(rss * 0.42 + gauss() * 1.5 * MB, 20 * MB, 90 * MB);
        goroutines = 90 + 3 * components.size() + 4 * gauss();
        netRx += dt * (24_000 + 4000 * gauss());
        netTx += dt * (61_000 + 9000 * gauss());
        double gcs = dt / 11.0;
        gcCount += gcs;
        gcPauseSum += gcs * 0.00021;
        allocTotal += dt * (2.4 * MB + 0.3 * MB * gauss());
        for (DemoComponent c : components) flow(c, dt, t);
    }

    private void flow(DemoComponent c, double dt, double t) {
        if (c.kind == Kind.OTHER) return;
        if (!"healthy".equals(c.state) && !c.kind.writer && c.kind != Kind.SCRAPE) return;
        double r = c.rate * (1 + 0.15 * Math.sin(2 * Math.PI * t / 300 + c.phase)) * (1 + 0.04 * gauss());
        if (c.targetCount > 0) r = r * c.targetsUp() / c.targetCount;
        double items = Math.max(0, r * dt);
        if (!c.kind.writer) {
            c.in += items;
            if (c.dropping && c.kind == Kind.JOURNAL) c.parseErrors += Math.max(1, items * 0.05);
            else if (c.dropping) c.dropped += items * 0.3;
            c.sent += c.dropping && c.kind != Kind.JOURNAL ? items * 0.7 : items;
            return;
        }
        c.in += items;
        c.highestInTs = t;
        double batchesPerSecond = c.kind == Kind.PYROSCOPE_WRITE ? 1 / 15.0 : 1.0;
        c.batchFrac += dt * batchesPerSecond;
        int batches = (int) c.batchFrac;
        c.batchFrac -= batches;
        if (c.stalled) {
            c.pending += items;
            return;
        }
        if (c.failing401) {
            c.failed += items;
            c.retried += items;
            c.pending = r * 0.5;
            c.batchRetries += batches;
            for (int i = 0; i < batches; i++) c.requestDuration.observe(0.02 + 0.02 * rnd.nextDouble());
            return;
        }
        double ok = c.dropping ? items * 0.6 : items;
        c.sent += ok;
        c.dropped += items - ok;
        c.bytes += ok * c.kind.bytesPerItem();
        c.pending = Math.max(0, r * (0.3 + 0.4 * rnd.nextDouble()));
        c.highestSentTs = t - 0.5 - rnd.nextDouble();
        for (int i = 0; i < batches; i++) c.requestDuration.observe(Math.exp(Math.log(0.08) + 0.5 * gauss()));
    }

    private double gauss() {
        // Box–Muller on the seeded source (SplittableRandom has no nextGaussian in Java 17).
        double u = Math.max(1e-12, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double reflect(double v, double lo, double hi) {
        if (v < lo) return lo + (lo - v);
        if (v > hi) return hi - (v - hi);
        return v;
    }

    // ---------------------------------------------------------------- lifecycle and config

    /** A process restart: new start time, every counter back to zero, a fresh log start sequence. */
    public synchronized void restart() {
        advanceTo(clock.instant());
        // A real restart takes seconds; a test's may not. Keep the whole-second start time moving so
        // every reader (alloy_resources_* has whole seconds) sees the new process.
        Instant minimum = startTime.plusSeconds(2);
        startTime = last.isBefore(minimum) ? minimum : last;
        restarts++;
        cpuSeconds = 0;
        netRx = netTx = gcCount = gcPauseSum = allocTotal = 0;
        rss = 70 * MB;
        for (DemoComponent c : components) {
            c.resetCounters();
            c.updated = last;
        }
        evalHistograms.clear();
        depWaitHistograms.clear();
        for (DemoComponent c : components) evalHistogram(c.moduleID()).observe(0.0005 + rnd.nextDouble() * 0.004);
        lastLoadSuccessful = true;
        lastLoadSuccess = last;
        loadFailures = 0;
        logs.startSequence(last, new View());
    }

    synchronized void recordLoad(boolean parsed, String hashSource) {
        advanceTo(clock.instant());
        configHash = sha256(hashSource);
        if (parsed) {
            lastLoadSuccessful = true;
            lastLoadSuccess = last;
        } else {
            lastLoadSuccessful = false;
            loadFailures++;
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- incidents

    private DemoComponent require(String globalId) {
        DemoComponent c = byId.get(globalId);
        if (c == null) throw new IllegalArgumentException("no such component: " + globalId);
        return c;
    }

    private DemoComponent requireWriter(String globalId) {
        DemoComponent c = require(globalId);
        if (!c.kind.writer) throw new IllegalArgumentException(globalId + " is not a writer component");
        return c;
    }

    synchronized void stallWriter(String globalId) {
        advanceTo(clock.instant());
        requireWriter(globalId).stalled = true;
    }

    synchronized void startDrops(String globalId) {
        advanceTo(clock.instant());
        require(globalId).dropping = true;
    }

    synchronized void failWith401(String globalId) {
        advanceTo(clock.instant());
        DemoComponent c = requireWriter(globalId);
        c.failing401 = true;
    }

    synchronized void targetDown(String scrapeId, boolean down) {
        advanceTo(clock.instant());
        DemoComponent c = require(scrapeId);
        if (c.targetCount == 0) throw new IllegalArgumentException(scrapeId + " has no scrape targets");
        if (down) c.downTargets.add(0);
        else c.downTargets.clear();
    }

    /** Ends every incident on one component (stall, drops, 401, down targets). */
    synchronized void clearIncidents(String globalId) {
        advanceTo(clock.instant());
        DemoComponent c = require(globalId);
        c.stalled = c.dropping = c.failing401 = false;
        c.downTargets.clear();
    }

    synchronized void setHealth(String globalId, String state, String message) {
        advanceTo(clock.instant());
        DemoComponent c = require(globalId);
        if (!Set.of("healthy", "unhealthy", "unknown", "exited").contains(state)) {
            throw new IllegalArgumentException("health state must be healthy, unhealthy, unknown or exited: " + state);
        }
        c.state = state;
        c.message = message == null ? "" : message;
        c.updated = last;
    }

    /** An evaluation that took this long: the histogram sees it, and from a minute on the slow counter too. */
    synchronized void slowEvaluation(String globalId, double seconds) {
        advanceTo(clock.instant());
        DemoComponent c = require(globalId);
        evalHistogram(c.moduleID()).observe(seconds);
        if (seconds >= 60) c.slowEvaluationSeconds += seconds;
    }

    synchronized void evaluationQueueSize(int n) {
        evaluationQueueSize = Math.max(0, n);
    }

    synchronized void rejectNewWriterCredentials(boolean reject) {
        this.rejectNewWriterCredentials = reject;
    }

    // ---------------------------------------------------------------- reads

    public synchronized List<String> componentIds() {
        List<String> ids = new ArrayList<>();
        for (DemoComponent c : components) ids.add(c.globalID());
        return ids;
    }

    public synchronized Optional<ComponentState> component(String globalId) {
        advanceTo(clock.instant());
        DemoComponent c = byId.get(globalId);
        if (c == null) return Optional.empty();
        Map<String, Double> counters = new LinkedHashMap<>();
        counters.put("in", c.in);
        counters.put("sent", c.sent);
        counters.put("failed", c.failed);
        counters.put("retried", c.retried);
        counters.put("dropped", c.dropped);
        counters.put("bytes", c.bytes);
        counters.put("pending", c.pending);
        counters.put("parseErrors", c.parseErrors);
        counters.put("targetsUp", (double) c.targetsUp());
        return Optional.of(new ComponentState(c.globalID(), c.decl.name(), c.localID(), c.moduleID(), c.state,
                c.message, Map.copyOf(counters)));
    }

    public synchronized Instant startTime() {
        return startTime;
    }

    public synchronized int restarts() {
        return restarts;
    }

    public synchronized boolean lastLoadSuccessful() {
        return lastLoadSuccessful;
    }

    public synchronized long loadFailures() {
        return loadFailures;
    }

    public synchronized String configHash() {
        return configHash;
    }

    /** Module IDs that exist: the root "", "remotecfg", and every one a component created. */
    synchronized Set<String> moduleIds() {
        Set<String> m = new LinkedHashSet<>();
        m.add("");
        m.add("remotecfg");
        for (DemoComponent c : components) m.addAll(c.decl.createdModuleIDs());
        return m;
    }

    /** Runs a read against a consistent, up-to-date state. */
    synchronized <T> T read(java.util.function.Function<View, T> f) {
        advanceTo(clock.instant());
        return f.apply(new View());
    }

    /** Package-private window onto the state for the JSON and metrics writers (valid inside {@link #read}). */
    final class View {
        List<DemoComponent> components() {
            return components;
        }

        DemoComponent byId(String id) {
            return byId.get(id);
        }

        Set<String> modules() {
            return moduleIds();
        }

        Instant now() {
            return last;
        }

        Instant startTime() {
            return startTime;
        }

        double cpuSeconds() {
            return cpuSeconds;
        }

        double rss() {
            return rss;
        }

        double heapInuse() {
            return heapInuse;
        }

        double goroutines() {
            return Math.max(20, Math.round(goroutines));
        }

        double netRx() {
            return netRx;
        }

        double netTx() {
            return netTx;
        }

        double gcCount() {
            return Math.floor(gcCount);
        }

        double gcPauseSum() {
            return gcPauseSum;
        }

        double allocTotal() {
            return allocTotal;
        }

        boolean lastLoadSuccessful() {
            return lastLoadSuccessful;
        }

        Instant lastLoadSuccess() {
            return lastLoadSuccess;
        }

        long loadFailures() {
            return loadFailures;
        }

        String configHash() {
            return configHash;
        }

        Map<String, Histogram> evalHistograms() {
            return evalHistograms;
        }

        int evaluationQueueSize() {
            return evaluationQueueSize;
        }

        Map<String, Histogram> depWaitHistograms() {
            return depWaitHistograms;
        }
    }
}
