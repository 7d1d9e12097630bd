package io.alloytop.ui.model;

import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The forwarding dialog: checking → (asking for the key) → plan and confirm → running steps → result.
 * The key being typed sits in a {@link SecretInput}, whose toString never shows it.
 */
public record ForwardUiState(Phase phase, long id, ForwardPlan.Action action, String configPath, List<String> lines,
                             List<String> preflight, boolean preflightOk, boolean nothingToDo, SecretInput key,
                             List<ForwardStep> steps, String result, boolean ok, int scroll) {
    public enum Phase { CHECKING, UNAVAILABLE, ASK_KEY, CONFIRM, RUNNING, DONE }

    public ForwardUiState {
        lines = List.copyOf(lines);
        preflight = List.copyOf(preflight);
        steps = List.copyOf(steps);
        key = key == null ? SecretInput.EMPTY : key;
    }

    static ForwardUiState checking(long id) {
        return new ForwardUiState(Phase.CHECKING, id, null, null, List.of(), List.of(), false, false, SecretInput.EMPTY,
                List.of(), null, false, 0);
    }

    ForwardUiState unavailable(String reason) {
        return new ForwardUiState(Phase.UNAVAILABLE, id, action, configPath, List.of(), List.of(), false, false,
                SecretInput.EMPTY, List.of(), reason, false, 0);
    }

    ForwardUiState askKey(ForwardPlan.Action a, String path) {
        return new ForwardUiState(Phase.ASK_KEY, id, a, path, List.of(), List.of(), false, false, SecretInput.EMPTY,
                List.of(), null, false, 0);
    }

    ForwardUiState withKey(SecretInput k) {
        return new ForwardUiState(phase, id, action, configPath, lines, preflight, preflightOk, nothingToDo, k, steps,
                result, ok, scroll);
    }

    ForwardUiState planned(ForwardEvent.Planned p) {
        return new ForwardUiState(Phase.CONFIRM, id, p.action(), p.configPath(), p.lines(), p.preflight(), p.preflightOk(),
                p.nothingToDo(), SecretInput.EMPTY, List.of(), null, false, 0);
    }

    ForwardUiState running() {
        return new ForwardUiState(Phase.RUNNING, id, action, configPath, lines, preflight, preflightOk, nothingToDo,
                SecretInput.EMPTY, List.of(), null, false, 0);
    }

    ForwardUiState step(ForwardStep s) {
        List<ForwardStep> l = new ArrayList<>(steps);
        // a step's RUNNING line is replaced by its outcome, so the list reads as a checklist
        if (!l.isEmpty() && l.get(l.size() - 1).step() == s.step() && l.get(l.size() - 1).state() == ForwardStep.State.RUNNING) {
            l.set(l.size() - 1, s);
        } else {
            l.add(s);
        }
        return new ForwardUiState(phase, id, action, configPath, lines, preflight, preflightOk, nothingToDo, key, l,
                result, ok, scroll);
    }

    ForwardUiState finished(boolean success, String summary) {
        return new ForwardUiState(Phase.DONE, id, action, configPath, lines, preflight, preflightOk, nothingToDo,
                SecretInput.EMPTY, steps, summary, success, scroll);
    }

    /** An upper bound of the dialog's lines (the view clamps exactly; this keeps Up responsive after End). */
    int maxScroll() {
        return lines.size() + preflight.size() + steps.size() + 6;
    }

    ForwardUiState scrolled(int v) {
        return new ForwardUiState(phase, id, action, configPath, lines, preflight, preflightOk, nothingToDo, key, steps,
                result, ok, Math.max(0, Math.min(v, maxScroll())));
    }
}
