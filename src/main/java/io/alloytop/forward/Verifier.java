package io.alloytop.forward;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import io.alloytop.metrics.MetricsSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges whether a change took: after "on", every managed component is listed and healthy and each
 * writer's send counter moved while its failure counter did not; after "off", they are gone.
 * Pure, so the rules are tested on plain data.
 */
public final class Verifier {
    private Verifier() {}

    static Map<String, Component> rootComponents(List<Component> comps) {
        Map<String, Component> out = new HashMap<>();
        for (Component c : comps) if (c.moduleID().isEmpty()) out.put(c.localID(), c);
        return out;
    }

    /**
     * @param deadline true on the last look: "not yet" becomes "failed" (or a warning for signals
     *                 whose silence proves nothing, like logs when the journal was quiet)
     */
    public static Verdict afterOn(ForwardPlan plan, List<Component> comps, MetricsSnapshot base, MetricsSnapshot now,
            boolean deadline) {
        Map<String, Component> byId = rootComponents(comps);
        for (String id : plan.expectedComponents()) {
            Component c = byId.get(id);
            if (c == null) {
                if (deadline) return new Verdict.Failed(id + " is not running after the reload (Alloy does not list it)");
                return new Verdict.Pending(id + " not listed yet");
            }
            HealthState st = c.health().state();
            if (st == HealthState.UNHEALTHY || st == HealthState.EXITED) {
                return new Verdict.Failed(id + " is " + st.label() + ": " + c.health().message());
            }
            if (st == HealthState.UNKNOWN) {
                if (deadline) return new Verdict.Failed(id + " is still unknown: " + c.health().message());
                return new Verdict.Pending(id + " is still starting");
            }
        }
        List<String> warnings = new ArrayList<>();
        List<String> moving = new ArrayList<>();
        String waiting = null;
        for (Signal s : Signal.values()) {
            String writer = plan.writers().get(s);
            if (writer == null) continue;
            WriterMetrics wm = WriterMetrics.of(s);
            double failed = wm.failed(now, writer) - wm.failed(base, writer);
            if (failed > 0) {
                Component c = byId.get(writer);
                String health = c == null || !c.health().state().isBad() ? "" : c.health().message();
                return new Verdict.Failed(writer + " failed to send " + fmt(failed) + " " + wm.unit()
                        + (health.isEmpty() ? "" : " (" + health + ")"));
            }
            double sent = wm.sent(now, writer) - wm.sent(base, writer);
            if (sent > 0) {
                moving.add(s.label() + ": " + fmt(sent) + " " + wm.unit() + " sent");
            } else if (s == Signal.LOGS || s == Signal.TRACES) {
                if (deadline) warnings.add(s.label() + ": nothing sent yet (" + writer + " is healthy; Alloy may simply have had nothing to send)");
                else if (waiting == null) waiting = writer + " has not sent anything yet";
            } else if (waiting == null) {
                waiting = writer + " has not sent anything yet";
            }
        }
        if (waiting != null && !(deadline && onlyQuietSignalsWaiting(plan, now, base))) {
            if (deadline) return new Verdict.Failed(waiting + " before the verification timeout (its send counter did not move)");
            return new Verdict.Pending(waiting);
        }
        return new Verdict.Ok(moving.isEmpty() ? "all managed components healthy" : String.join(", ", moving), warnings);
    }

    private static boolean onlyQuietSignalsWaiting(ForwardPlan plan, MetricsSnapshot now, MetricsSnapshot base) {
        for (Signal s : List.of(Signal.METRICS, Signal.PROFILES)) {
            String w = plan.writers().get(s);
            if (w != null && WriterMetrics.of(s).sent(now, w) - WriterMetrics.of(s).sent(base, w) <= 0) return false;
        }
        return true;
    }

    public static Verdict afterOff(ForwardPlan plan, List<Component> comps, boolean deadline) {
        Map<String, Component> byId = rootComponents(comps);
        for (String id : plan.removedComponents()) {
            if (byId.containsKey(id)) {
                if (deadline) return new Verdict.Failed(id + " is still running after the reload");
                return new Verdict.Pending(id + " still listed");
            }
        }
        return new Verdict.Ok("alloytop's components are gone", List.of());
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
