package io.alloytop.ui.model;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.poll.AlloySnapshot;
import java.time.Instant;
import java.util.List;

/** Everything that can change the UI state; produced by sources, applied on the UI thread. */
public sealed interface Event {
    record SnapshotArrived(AlloySnapshot snapshot) implements Event {}

    record KeyPressed(Key key) implements Event {}

    record Resized(int columns, int rows) implements Event {}

    /** The wall clock moved; ages and "refreshed Ns ago" are drawn from this, never from Instant.now(). */
    record Tick(Instant now) implements Event {}

    record DetailLoaded(String globalId, Result<Component> result) implements Event {}

    /** Placeholder feed for the logs pane until the logs helper's LogBuffer is wired in. */
    record LogLines(List<String> lines) implements Event {}

    record Notice(String text) implements Event {}

    /** The terminal is gone (SSH dropped, stdin closed) or a signal asked us to stop. */
    record Shutdown(String reason) implements Event {}
}
