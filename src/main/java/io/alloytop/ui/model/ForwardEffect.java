package io.alloytop.ui.model;

import io.alloytop.forward.ForwardPlan;

/** Forwarding work the effect runner does off the UI thread. */
public sealed interface ForwardEffect {
    /** Look at the config: is forwarding on? then plan the toggle (or ask for the key). */
    record Begin(long id) implements ForwardEffect {}

    /** Plan again with the key typed in the UI (its toString stays hidden). */
    record PrepareWithKey(long id, ForwardPlan.Action action, SecretInput key) implements ForwardEffect {}

    record Execute(long id) implements ForwardEffect {}

    /** The user said no: drop the prepared plan (and the key it holds). */
    record Discard(long id) implements ForwardEffect {}

    record RefreshStatus() implements ForwardEffect {}
}
