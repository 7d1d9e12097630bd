package io.alloytop.demo;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Live fault switches for tests and the demo (thread-safe). Each simulates something real Alloy or
 * its host does: going away, stalling, failing, restarting, being reconfigured.
 */
public final class DemoFaults {
    interface DownSwitch {
        void down(boolean down) throws IOException;
    }

    private final DemoWorld world;
    private final DownSwitch downSwitch;
    private volatile boolean down;
    private volatile long slowMillis;
    private volatile boolean status500;
    private volatile boolean metricsGarbage;
    private volatile boolean metricsTruncated;
    private volatile long reloadHoldMillis;
    private volatile boolean authRequired;
    private volatile boolean pprofDisabled;
    private volatile boolean notReady;

    DemoFaults(DemoWorld world, DownSwitch downSwitch, boolean authRequired) {
        this.world = world;
        this.downSwitch = downSwitch;
        this.authRequired = authRequired;
    }

    /** Down = connection refused: the listener is closed; clearing it listens again on the same port. */
    public synchronized DemoFaults down(boolean d) {
        if (d == down) return this;
        try {
            downSwitch.down(d);
        } catch (IOException e) {
            throw new UncheckedIOException("could not switch the demo " + (d ? "down" : "up"), e);
        }
        down = d;
        return this;
    }

    /** Delays every response by this long (0 = off), like an overloaded host. */
    public DemoFaults slowMillis(long ms) {
        slowMillis = Math.max(0, ms);
        return this;
    }

    /** Every route answers 500 with a short text body. */
    public DemoFaults status500(boolean on) {
        status500 = on;
        return this;
    }

    /** /metrics answers 200 with bytes that are not the text format. */
    public DemoFaults metricsGarbage(boolean on) {
        metricsGarbage = on;
        return this;
    }

    /** /metrics answers 200 with a body cut off in the middle of a sample line. */
    public DemoFaults metricsTruncated(boolean on) {
        metricsTruncated = on;
        return this;
    }

    /** A reload holds the API lock this long before applying (facts §0.6): list and detail calls block meanwhile. */
    public DemoFaults reloadHoldMillis(long ms) {
        reloadHoldMillis = Math.max(0, ms);
        return this;
    }

    /** Requires the basic-auth credentials from the options (401 otherwise); needs a user in the options. */
    public DemoFaults authRequired(boolean on) {
        authRequired = on;
        return this;
    }

    /** As --server.http.enable-pprof=false: /debug/pprof falls through to the UI's index.html. */
    public DemoFaults pprofDisabled(boolean on) {
        pprofDisabled = on;
        return this;
    }

    /** /-/ready answers 503 "Alloy is not ready." (the initial load has not finished). */
    public DemoFaults notReady(boolean on) {
        notReady = on;
        return this;
    }

    /** A process restart: new process_start_time_seconds, counters back to 0, a start log sequence. */
    public DemoFaults restart() {
        world.restart();
        return this;
    }

    // ---- scripted incidents (issue 7)

    /** The writer keeps reporting healthy but its sent counters stop while its inputs still flow. */
    public DemoFaults stallWriter(String globalId) {
        world.stallWriter(globalId);
        return this;
    }

    /** A writer starts dropping (loki.write rate_limited, remote_write non-recoverable failures); a journal source starts parse errors. */
    public DemoFaults startDrops(String globalId) {
        world.startDrops(globalId);
        return this;
    }

    /** The endpoint rejects the writer's credentials: nothing is sent, failures and retries climb, the log shows 401s. */
    public DemoFaults failWith401(String globalId) {
        world.failWith401(globalId);
        return this;
    }

    /** One of the scrape component's targets goes down (debug info health "down" with last_error). */
    public DemoFaults targetDown(String scrapeId) {
        world.targetDown(scrapeId, true);
        return this;
    }

    /** Ends every incident on that component. */
    public DemoFaults clear(String globalId) {
        world.clearIncidents(globalId);
        return this;
    }

    /** Sets a component's reported health (healthy, unhealthy, unknown, exited) and message. */
    public DemoFaults setHealth(String globalId, String state, String message) {
        world.setHealth(globalId, state, message);
        return this;
    }

    /** One evaluation of the component took this long (≥ 60 s also feeds alloy_component_evaluation_slow_seconds). */
    public DemoFaults slowEvaluation(String globalId, double seconds) {
        world.slowEvaluation(globalId, seconds);
        return this;
    }

    /** Components waiting for evaluation in the root controller's worker pool. */
    public DemoFaults evaluationQueueSize(int n) {
        world.evaluationQueueSize(n);
        return this;
    }

    /** Writers added by later reloads start failing with 401, as when Alloy's environment lacks the right key. */
    public DemoFaults rejectNewWriterCredentials(boolean reject) {
        world.rejectNewWriterCredentials(reject);
        return this;
    }

    boolean isDown() {
        return down;
    }

    long slowMillis() {
        return slowMillis;
    }

    boolean status500() {
        return status500;
    }

    boolean metricsGarbage() {
        return metricsGarbage;
    }

    boolean metricsTruncated() {
        return metricsTruncated;
    }

    long reloadHoldMillis() {
        return reloadHoldMillis;
    }

    boolean authRequired() {
        return authRequired;
    }

    boolean pprofDisabled() {
        return pprofDisabled;
    }

    boolean notReady() {
        return notReady;
    }
}
