package io.alloytop.ui.model;

import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardStep;
import java.util.List;

/** What the forwarding effects answer. Every string here is free of the API key (scrubbed by the sender). */
public sealed interface ForwardEvent {
    /** Forwarding cannot be changed from here; the reason says what to do. */
    record Unavailable(long id, String reason) implements ForwardEvent {}

    /** The API key is not in alloytop's environment: ask for it. */
    record NeedsKey(long id, ForwardPlan.Action action, String configPath) implements ForwardEvent {}

    /** The plan is ready; {@code lines} describe it (target, signals, diff), {@code preflight} one line per signal. */
    record Planned(long id, ForwardPlan.Action action, String configPath, List<String> lines, List<String> preflight,
                   boolean preflightOk, boolean nothingToDo) implements ForwardEvent {
        public Planned {
            lines = List.copyOf(lines);
            preflight = List.copyOf(preflight);
        }
    }

    record Step(long id, ForwardStep step) implements ForwardEvent {}

    record Finished(long id, boolean ok, boolean rolledBack, String summary) implements ForwardEvent {}

    /** The header's one-line state (ForwardText.header), or null when it cannot be known. */
    record Header(String text, boolean failing) implements ForwardEvent {}
}
