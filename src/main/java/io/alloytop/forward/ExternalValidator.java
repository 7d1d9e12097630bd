package io.alloytop.forward;

/** A second opinion on the resulting config (Alloy's own binary), run before anything is written. */
public interface ExternalValidator {
    record Outcome(ForwardStep.State state, String message) {}

    Outcome validate(ForwardPlan plan);

    ExternalValidator NONE = plan -> new Outcome(ForwardStep.State.SKIPPED, "no external validator");
}
