package io.alloytop.forward;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import io.alloytop.metrics.MetricsSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * `forward status`: which signals the config forwards, and what Alloy says about each writer.
 * Pure: Alloy's answers come in as values (null when Alloy did not answer).
 */
public final class ForwardStatus {
    public record Report(ConfigLocation location, List<SignalStatus> signals, ResourceUse before, ResourceUse now,
            String overhead) {}

    private ForwardStatus() {}

    /** Component IDs inside alloytop's managed block or file. */
    public static Set<String> managedIds(ConfigOnDisk disk) {
        Set<String> out = new HashSet<>();
        for (ConfigOnDisk.DiskFile f : disk.files()) {
            String text = new String(f.bytes(), StandardCharsets.UTF_8);
            if (disk.location().directory()) {
                if (f.path().equals(disk.managedFilePath())) out.addAll(Planner.componentIds(text));
            } else {
                String inside = ManagedBlock.inside(text);
                if (inside != null) out.addAll(Planner.componentIds(inside));
            }
        }
        return out;
    }

    public static Report compute(ConfigOnDisk disk, List<Component> comps, MetricsSnapshot m0, MetricsSnapshot m1,
            Duration between, Optional<ForwardState> state) {
        Set<String> managed = managedIds(disk);
        Map<String, Component> byId = comps == null ? Map.of() : Verifier.rootComponents(comps);
        List<SignalStatus> out = new ArrayList<>();
        for (Signal s : Signal.values()) {
            String writer = ManagedIds.writer(s);
            WriterMetrics wm = WriterMetrics.of(s);
            if (!managed.contains(writer)) {
                out.add(new SignalStatus(s, SignalStatus.Kind.OFF, 0, wm.unit(), ""));
                continue;
            }
            if (comps == null) {
                out.add(new SignalStatus(s, SignalStatus.Kind.CONFIGURED, 0, wm.unit(), "Alloy is not answering"));
                continue;
            }
            Component bad = null;
            boolean allListed = true;
            for (String id : ManagedIds.components(s, true)) {
                if (!managed.contains(id)) continue;
                Component c = byId.get(id);
                if (c == null) allListed = false;
                else if (c.health().state() == HealthState.UNHEALTHY || c.health().state() == HealthState.EXITED) bad = c;
            }
            if (bad != null) {
                out.add(new SignalStatus(s, SignalStatus.Kind.FAILING, 0, wm.unit(),
                        bad.localID() + " " + bad.health().state().label() + ": " + bad.health().message()));
                continue;
            }
            if (!allListed) {
                out.add(new SignalStatus(s, SignalStatus.Kind.CONFIGURED, 0, wm.unit(),
                        "in the config but not running; Alloy has not reloaded it"));
                continue;
            }
            double secs = between == null ? 0 : between.toNanos() / 1e9;
            if (m0 != null && m1 != null && secs > 0) {
                double failed = (wm.failed(m1, writer) - wm.failed(m0, writer)) / secs;
                double sent = (wm.sent(m1, writer) - wm.sent(m0, writer)) / secs;
                if (failed > 0) {
                    Component w = byId.get(writer);
                    out.add(new SignalStatus(s, SignalStatus.Kind.FAILING, failed, wm.unit(),
                            String.format(java.util.Locale.ROOT, "%.1f %s/s failing", failed, wm.unit())
                                    + (w == null || !w.health().state().isBad() ? "" : "; " + w.health().message())));
                    continue;
                }
                if (sent > 0) {
                    out.add(new SignalStatus(s, SignalStatus.Kind.SENDING, sent, wm.unit(), ""));
                    continue;
                }
                out.add(new SignalStatus(s, SignalStatus.Kind.HEALTHY, 0, wm.unit(), "nothing sent in the last "
                        + Math.round(secs) + " s"));
                continue;
            }
            out.add(new SignalStatus(s, SignalStatus.Kind.HEALTHY, 0, wm.unit(), "rate not measured"));
        }
        ResourceUse before = state.map(ForwardState::before).orElse(null);
        ResourceUse now = m0 != null && m1 != null && between != null ? ResourceUse.between(m0, m1, between) : null;
        String overhead = before == null ? "overhead: no measurement from before forwarding was switched on"
                : ResourceUse.compare(before, now);
        return new Report(disk.location(), out, before, now, overhead);
    }
}
