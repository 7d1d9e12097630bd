package io.alloytop.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A running simulated component: its declaration plus live health and data-flow counters. Mutated
 * only under the {@link DemoWorld} lock.
 */
final class DemoComponent {
    ComponentDecl decl;
    final Kind kind;
    final List<String> referencedBy = new ArrayList<>();
    final Set<String> edges = new LinkedHashSet<>();

    String state;
    String message;
    Instant updated;

    /** Per-instance speed and phase, so components differ yet stay reproducible for a seed. */
    final double rate;
    final double phase;

    // Counters (reset on restart) and gauges.
    double in;
    double sent;
    double failed;
    double retried;
    double dropped;
    double bytes;
    double pending;
    double highestInTs;
    double highestSentTs;
    double parseErrors;
    double batchRetries;
    double slowEvaluationSeconds;
    double batchFrac;
    final Histogram requestDuration = new Histogram(Histogram.REMOTE_BUCKETS);

    // Incidents.
    boolean stalled;
    boolean dropping;
    boolean failing401;
    final Set<Integer> downTargets = new LinkedHashSet<>();
    int targetCount;

    DemoComponent(ComponentDecl decl, double rate, double phase, Instant now) {
        this.decl = decl;
        this.kind = Kind.of(decl.name());
        this.rate = rate;
        this.phase = phase;
        this.targetCount = kind == Kind.SCRAPE ? 2 : kind == Kind.PYROSCOPE_SCRAPE ? 1 : 0;
        applyDeclaredHealth(now);
    }

    void applyDeclaredHealth(Instant now) {
        if (decl.health() != null) {
            state = decl.health().state();
            message = decl.health().message();
        } else {
            state = "healthy";
            message = decl.name().contains(".") ? "started component" : "started custom component";
        }
        updated = now;
    }

    String globalID() {
        return decl.globalID();
    }

    String localID() {
        return decl.localID();
    }

    String moduleID() {
        return decl.moduleID();
    }

    void resetCounters() {
        in = sent = failed = retried = dropped = bytes = pending = parseErrors = batchFrac = batchRetries = 0;
        highestInTs = highestSentTs = 0;
        requestDuration.reset();
    }

    int targetsUp() {
        return Math.max(0, targetCount - downTargets.size());
    }
}
