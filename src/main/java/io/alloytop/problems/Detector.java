package io.alloytop.problems;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.poll.AlloySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a stream of snapshots into flows and problems. Alloy's health only means "started",
 * so this looks at what the counters say actually moved.
 *
 * <p>Stateful and single-threaded: call {@link #step} from the one thread that receives
 * snapshots (the poller's), and hand the immutable {@link FlowReport} on.
 */
public final class Detector {
    private static final int HISTORY = 60;

    private final Thresholds thresholds;
    private final Map<String, Track> tracks = new HashMap<>();
    private final Map<String, Instant> firstSeen = new HashMap<>();
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final Deque<Double> evalQueue = new ArrayDeque<>();
    private Map<String, Double> prevSlow = Map.of();
    private Instant prevAt;
    private double prevStart = Double.NaN;
    private double prevLoadFailures = Double.NaN;
    private Instant reloadFailedAt;
    private FlowReport last = FlowReport.EMPTY;

    public Detector(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Per-component memory across polls. */
    private static final class Track {
        double in = Double.NaN;
        double out = Double.NaN;
        double failed = Double.NaN;
        double retries = Double.NaN;
        boolean seen;
        boolean hadSent;
        int quietPolls;
        Instant lastSendAt;
        boolean inputMovedWhileQuiet;
        int retryPolls;
        double lag = Double.NaN;
        int lagGrowPolls;
        final double[] outHistory = new double[HISTORY];
        int histLen;

        void pushOut(double v) {
            if (histLen == HISTORY) {
                System.arraycopy(outHistory, 1, outHistory, 0, HISTORY - 1);
                histLen--;
            }
            outHistory[histLen++] = v;
        }

        double[] history() {
            double[] h = new double[histLen];
            System.arraycopy(outHistory, 0, h, 0, histLen);
            return h;
        }
    }

    public FlowReport step(AlloySnapshot snap) {
        if (!snap.reachable() || snap.metrics() == null) {
            last = new FlowReport(last.at(), last.flows(), last.problems(), true);
            return last;
        }
        Instant now = snap.at();
        MetricsSnapshot m = snap.metrics();
        List<Problem> found = new ArrayList<>();

        boolean restarted = !Double.isNaN(prevStart) && !Double.isNaN(snap.startEpochSeconds())
                && snap.startEpochSeconds() != prevStart;
        if (restarted) {
            restarts.addLast(now);
            tracks.clear(); // counters reset with the process: rates start over
        }
        prevStart = snap.startEpochSeconds();
        double dt = prevAt == null || restarted ? Double.NaN : Duration.between(prevAt, now).toMillis() / 1000.0;
        prevAt = now;

        Map<String, ComponentFlow> flows = flows(snap, m, dt, now, found);
        healthProblems(snap, now, found);
        processProblems(snap, m, now, found);

        found.sort(Comparator.comparing(Problem::severity).reversed().thenComparing(Problem::componentId));
        Map<String, Instant> stillSeen = new HashMap<>();
        List<Problem> withSince = new ArrayList<>(found.size());
        for (Problem p : found) {
            Instant since = firstSeen.getOrDefault(p.key(), now);
            stillSeen.put(p.key(), since);
            withSince.add(new Problem(p.kind(), p.severity(), p.componentId(), p.reason(), since));
        }
        firstSeen.clear();
        firstSeen.putAll(stillSeen);
        last = new FlowReport(now, Map.copyOf(flows), List.copyOf(withSince), false);
        return last;
    }

    private Map<String, ComponentFlow> flows(AlloySnapshot snap, MetricsSnapshot m, double dt, Instant now,
                                             List<Problem> found) {
        Map<String, Double> rwHighestIn = byComponent(m, FlowMetrics.RW_HIGHEST_IN, Double::max);
        Map<String, Double> rwSentMin = byComponent(m, FlowMetrics.RW_HIGHEST_SENT, Math::min);
        Map<String, Double> rwPending = byComponent(m, FlowMetrics.RW_PENDING, Double::sum);

        Map<String, ComponentFlow> flows = new LinkedHashMap<>();
        Map<String, Component> byId = new HashMap<>();
        for (Component c : snap.components()) byId.put(c.globalID(), c);
        // Who sends to whom, once per poll: asking every component of every other one is
        // quadratic, and the poller does this every interval for configs of hundreds.
        Map<String, List<String>> upstream = new HashMap<>();
        for (Component other : byId.values()) {
            for (String to : other.dataFlowEdgesTo()) {
                String target = other.moduleID().isEmpty() ? to : other.moduleID() + "/" + to;
                upstream.computeIfAbsent(target, k -> new ArrayList<>()).add(other.globalID());
            }
        }

        // Pass 1: rates of every measured component.
        Map<String, double[]> rates = new HashMap<>(); // id -> {in, out, failed, retries}
        for (Component c : snap.components()) {
            FlowMetrics.Spec spec = FlowMetrics.forType(c.name());
            if (spec == null) continue;
            String id = c.globalID();
            Track t = tracks.computeIfAbsent(id, k -> new Track());
            double in = sum(m, spec.in(), id);
            double out = sum(m, spec.out(), id);
            double failed = sum(m, spec.failed(), id);
            double retries = sum(m, spec.retries(), id);
            // Labelled counters (loki's dropped{reason}) are born at their first increment: a series that
            // appears on a component we already watched grew from 0.
            double[] r = {rate(born(t, t.in, in), in, dt), rate(born(t, t.out, out), out, dt),
                    rate(born(t, t.failed, failed), failed, dt), rate(born(t, t.retries, retries), retries, dt)};
            t.seen = true;
            t.in = in;
            t.out = out;
            t.failed = failed;
            t.retries = retries;
            rates.put(id, r);
        }

        // Pass 2: judge each component, now that upstream rates are known.
        for (Component c : snap.components()) {
            FlowMetrics.Spec spec = FlowMetrics.forType(c.name());
            if (spec == null) continue;
            String id = c.globalID();
            Track t = tracks.get(id);
            double[] r = rates.get(id);
            double lag = Double.NaN;
            if (rwHighestIn.containsKey(id) && rwSentMin.containsKey(id)) {
                double l = rwHighestIn.get(id) - rwSentMin.get(id);
                lag = l > 0 && l < 31_536_000 ? l : 0; // the mixin's sanity bounds: a never-sent queue reads as 0
            }
            double pending = rwPending.getOrDefault(id, Double.NaN);
            if (!Double.isNaN(r[1])) t.pushOut(r[1]);

            double inputRate = !spec.in().isEmpty() ? r[0] : upstreamRate(c, upstream, rates);
            if (spec.writer()) judgeWriter(c, spec, t, r, inputRate, now, found);
            judgeErrors(c, spec, t, r, found);
            judgeLag(id, t, lag, found);
            flows.put(id, new ComponentFlow(id, spec.unit(), inputRate, r[1], r[2], r[3], lag, pending, t.history()));
        }
        tracks.keySet().retainAll(rates.keySet());
        return flows;
    }

    private void judgeWriter(Component c, FlowMetrics.Spec spec, Track t, double[] r, double inputRate, Instant now,
                             List<Problem> found) {
        double outRate = r[1];
        if (Double.isNaN(outRate)) return;
        if (outRate > 0) {
            t.hadSent = true;
            t.quietPolls = 0;
            t.lastSendAt = now;
            t.inputMovedWhileQuiet = false;
            return;
        }
        if (!t.hadSent) return; // never sent since alloytop started: nothing to compare against
        t.quietPolls++;
        if (inputRate > 0) t.inputMovedWhileQuiet = true;
        Duration quiet = Duration.between(t.lastSendAt, now);
        Duration minQuiet = spec.batchGap().compareTo(thresholds.stallMinQuiet()) > 0
                ? spec.batchGap() : thresholds.stallMinQuiet();
        if (t.quietPolls >= thresholds.stallPolls() && quiet.compareTo(minQuiet) >= 0 && t.inputMovedWhileQuiet) {
            String health = c.health().state() == HealthState.HEALTHY ? " while reporting healthy" : "";
            found.add(new Problem(Problem.Kind.STALLED, Problem.Severity.CRITICAL, c.globalID(),
                    "sent nothing for " + human(quiet) + health + " although its inputs still flow ("
                            + rate(inputRate) + " " + spec.unit() + "/s in): data is piling up or being lost", null));
        }
    }

    private void judgeErrors(Component c, FlowMetrics.Spec spec, Track t, double[] r, List<Problem> found) {
        String id = c.globalID();
        if (r[2] > 0) {
            if (c.name().equals("loki.source.journal")) {
                found.add(new Problem(Problem.Kind.PARSE_ERRORS, Problem.Severity.WARNING, id,
                        rate(r[2]) + " journal entries/s fail to parse and are skipped", null));
            } else if (spec.writer()) {
                found.add(new Problem(Problem.Kind.FAILING, Problem.Severity.CRITICAL, id,
                        rate(r[2]) + " " + spec.unit() + "/s are failing or dropped: they will not arrive"
                                + healthHint(c), null));
            } else {
                found.add(new Problem(Problem.Kind.DROPPING, Problem.Severity.CRITICAL, id,
                        rate(r[2]) + " " + spec.unit() + "/s are refused or dropped" + healthHint(c), null));
            }
        }
        if (r[3] > 0) {
            t.retryPolls++;
            if (t.retryPolls >= thresholds.retryPolls()) {
                found.add(new Problem(Problem.Kind.RETRYING, Problem.Severity.WARNING, id,
                        "retries climbing (" + rate(r[3]) + "/s for " + t.retryPolls + " polls): the endpoint is"
                                + " refusing or failing requests" + healthHint(c), null));
            }
        } else if (!Double.isNaN(r[3])) {
            t.retryPolls = 0;
        }
    }

    private void judgeLag(String id, Track t, double lag, List<Problem> found) {
        if (Double.isNaN(lag)) return;
        if (!Double.isNaN(t.lag) && lag > t.lag) t.lagGrowPolls++;
        else if (!Double.isNaN(t.lag) && lag < t.lag) t.lagGrowPolls = 0;
        t.lag = lag;
        if (lag > thresholds.lagSeconds() && t.lagGrowPolls >= thresholds.lagPolls()) {
            found.add(new Problem(Problem.Kind.LAG_GROWING, Problem.Severity.WARNING, id,
                    "remote-write lag is " + human(Duration.ofSeconds((long) lag)) + " and growing: samples are"
                            + " sent slower than they arrive", null));
        }
    }

    private void healthProblems(AlloySnapshot snap, Instant now, List<Problem> found) {
        int evalFailed = 0;
        for (Component c : snap.components()) {
            String id = c.globalID();
            String msg = c.health().message();
            switch (c.health().state()) {
                case EXITED:
                    found.add(new Problem(Problem.Kind.EXITED, Problem.Severity.CRITICAL, id,
                            "exited" + (msg.isEmpty() ? "" : ": " + msg)
                                    + " (it stays down until Alloy reloads its config)", null));
                    break;
                case UNHEALTHY:
                    found.add(new Problem(Problem.Kind.UNHEALTHY, Problem.Severity.CRITICAL, id,
                            msg.isEmpty() ? "unhealthy" : msg, null));
                    break;
                case UNKNOWN:
                    Instant since = firstSeen.getOrDefault(Problem.Kind.STUCK_UNKNOWN + "|" + id, now);
                    Instant updated = Times.parse(c.health().updatedTime());
                    if (updated != null && updated.isBefore(since)) since = updated;
                    Duration stuck = Duration.between(since, now);
                    // Tracked from the first poll so the "since" survives until the threshold passes.
                    firstSeen.putIfAbsent(Problem.Kind.STUCK_UNKNOWN + "|" + id, since);
                    if (stuck.compareTo(thresholds.unknownFor()) >= 0) {
                        found.add(new Problem(Problem.Kind.STUCK_UNKNOWN, Problem.Severity.WARNING, id,
                                "stuck in \"unknown\" for " + human(stuck) + (msg.isEmpty() ? "" : ": " + msg), null));
                    }
                    break;
                default:
                    break;
            }
            if (msg.startsWith("component evaluation failed")) evalFailed++;
            targetProblems(c, found);
        }
        if (evalFailed > 0) {
            found.add(new Problem(Problem.Kind.RELOAD_FAILED, Problem.Severity.CRITICAL, "",
                    "config evaluation failed for " + evalFailed + " component" + (evalFailed == 1 ? "" : "s")
                            + " (Alloy still reports the load as successful; they keep their last good arguments)",
                    null));
        }
    }

    /** Scrape targets from debugInfo, present when the poller fetched the component's detail. */
    private static void targetProblems(Component c, List<Problem> found) {
        if (!c.name().equals("prometheus.scrape") || c.debugInfo() == null || !c.debugInfo().isArray()) return;
        for (var block : c.debugInfo()) {
            if (!"target".equals(block.path("name").asText())) continue;
            String health = "", url = "", err = "";
            for (var attr : block.path("body")) {
                String v = attr.path("value").path("value").asText("");
                switch (attr.path("name").asText()) {
                    case "health": health = v; break;
                    case "url": url = v; break;
                    case "last_error": err = v; break;
                    default: break;
                }
            }
            if ("down".equals(health)) {
                found.add(new Problem(Problem.Kind.TARGET_DOWN, Problem.Severity.WARNING, c.globalID(),
                        "scrape target " + url + " is down" + (err.isEmpty() ? "" : ": " + err), null));
            }
        }
    }

    private void processProblems(AlloySnapshot snap, MetricsSnapshot m, Instant now, List<Problem> found) {
        while (!restarts.isEmpty() && Duration.between(restarts.peekFirst(), now).compareTo(
                thresholds.flapWindow().compareTo(thresholds.restartMemory()) > 0
                        ? thresholds.flapWindow() : thresholds.restartMemory()) > 0) {
            restarts.removeFirst();
        }
        long inFlapWindow = restarts.stream()
                .filter(t -> Duration.between(t, now).compareTo(thresholds.flapWindow()) <= 0).count();
        if (inFlapWindow >= thresholds.flapRestarts()) {
            found.add(new Problem(Problem.Kind.FLAPPING, Problem.Severity.CRITICAL, "",
                    "Alloy restarted " + inFlapWindow + " times in " + human(thresholds.flapWindow())
                            + ": it is crash-looping (see its logs)", null));
        } else if (!restarts.isEmpty() && Duration.between(restarts.peekLast(), now)
                .compareTo(thresholds.restartMemory()) <= 0) {
            found.add(new Problem(Problem.Kind.RESTARTED, Problem.Severity.WARNING, "",
                    "Alloy restarted " + human(Duration.between(restarts.peekLast(), now)) + " ago"
                            + " (process start time changed)", null));
        }

        if (snap.config() != null) {
            double failures = snap.config().loadFailuresTotal();
            boolean newFailure = !Double.isNaN(prevLoadFailures) && failures > prevLoadFailures;
            prevLoadFailures = failures;
            if (newFailure) reloadFailedAt = now;
            if (!snap.config().lastLoadSuccessful() || newFailure) {
                found.add(new Problem(Problem.Kind.RELOAD_FAILED, Problem.Severity.CRITICAL, "",
                        "the last config reload failed (" + (long) failures + " failure"
                                + (failures == 1 ? "" : "s") + " so far); Alloy keeps running the previous config",
                        null));
            } else if (reloadFailedAt != null) {
                reloadFailedAt = null;
            }
        }

        Map<String, Double> slow = new HashMap<>();
        for (var s : m.samples(FlowMetrics.EVAL_SLOW)) {
            String local = s.labels().get("component_id");
            if (local == null) continue;
            String module = FlowMetrics.controllerModule(s.labels());
            slow.merge(module.isEmpty() ? local : module + "/" + local, s.value(), Double::sum);
        }
        for (Map.Entry<String, Double> e : slow.entrySet()) {
            Double before = prevSlow.get(e.getKey());
            if (before != null && e.getValue() > before) {
                found.add(new Problem(Problem.Kind.SLOW_EVALUATION, Problem.Severity.WARNING, e.getKey(),
                        "evaluations take over a minute (" + human(Duration.ofSeconds((long) (e.getValue() - before)))
                                + " of slow evaluation since the last poll)", null));
            }
        }
        prevSlow = slow;

        if (m.has(FlowMetrics.EVAL_QUEUE)) {
            evalQueue.addLast(m.sum(FlowMetrics.EVAL_QUEUE));
            while (evalQueue.size() > 3) evalQueue.removeFirst();
            if (evalQueue.size() == 3) {
                Double[] q = evalQueue.toArray(new Double[0]);
                if (q[2] > thresholds.evalQueue() && q[2] > q[1] && q[1] > q[0]) {
                    found.add(new Problem(Problem.Kind.EVAL_QUEUE_GROWING, Problem.Severity.WARNING, "",
                            "the evaluation queue keeps growing (" + q[0].intValue() + " → " + q[2].intValue()
                                    + "): components are re-evaluated slower than changes arrive", null));
                }
            }
        }
    }

    private static double upstreamRate(Component c, Map<String, List<String>> upstream, Map<String, double[]> rates) {
        double total = Double.NaN;
        for (String from : upstream.getOrDefault(c.globalID(), List.of())) {
            double[] r = rates.get(from);
            if (r != null && !Double.isNaN(r[1])) total = (Double.isNaN(total) ? 0 : total) + r[1];
        }
        return total;
    }

    private static double sum(MetricsSnapshot m, List<String> names, String id) {
        if (names.isEmpty()) return Double.NaN;
        double t = 0;
        boolean any = false;
        for (String n : names) {
            for (var s : m.samples(n)) {
                if (id.equals(FlowMetrics.globalId(s.labels()))) {
                    t += s.value();
                    any = true;
                }
            }
        }
        return any ? t : Double.NaN;
    }

    private static Map<String, Double> byComponent(MetricsSnapshot m, String name,
                                                   java.util.function.BinaryOperator<Double> merge) {
        Map<String, Double> out = new HashMap<>();
        for (var s : m.samples(name)) {
            String id = FlowMetrics.globalId(s.labels());
            if (id != null) out.merge(id, s.value(), merge);
        }
        return out;
    }

    private static double born(Track t, double before, double now) {
        return Double.isNaN(before) && t.seen && !Double.isNaN(now) ? 0 : before;
    }

    /** Per-second rate; NaN without a previous value or across a counter reset. */
    static double rate(double before, double now, double dt) {
        if (Double.isNaN(before) || Double.isNaN(now) || Double.isNaN(dt) || dt <= 0 || now < before) {
            return Double.NaN;
        }
        return (now - before) / dt;
    }

    private static String healthHint(Component c) {
        return c.health().state() != HealthState.HEALTHY && !c.health().message().isEmpty()
                ? " — " + c.health().message() : "";
    }

    static String rate(double v) {
        if (Double.isNaN(v)) return "?";
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }
}
