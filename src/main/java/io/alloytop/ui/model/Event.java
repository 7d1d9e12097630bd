package io.alloytop.ui.model;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.problems.Observation;
import java.time.Instant;
import io.alloytop.logs.LogSnapshot;

/** Everything that can change the UI state; produced by sources, applied on the UI thread. */
public sealed interface Event {
    record SnapshotArrived(AlloySnapshot snapshot) implements Event {}

    /** A snapshot with the detector's report over it, made together on the poller's thread. */
    record Observed(Observation observation) implements Event {}

    record KeyPressed(Key key) implements Event {}

    record Resized(int columns, int rows) implements Event {}

    /** The wall clock moved; ages and "refreshed Ns ago" are drawn from this, never from Instant.now(). */
    record Tick(Instant now) implements Event {}

    record DetailLoaded(String globalId, Result<Component> result) implements Event {}

    /** The log ring changed (coalesced by the sender: at most ~10 a second). */
    record LogsChanged(LogSnapshot snapshot) implements Event {}

    /** A log source's own status line ("journalctl: permission denied ... add yourself to systemd-journal"). */
    record LogStatus(String text, boolean error) implements Event {}

    record Notice(String text) implements Event {}

    /** The terminal is gone (SSH dropped, stdin closed) or a signal asked us to stop. */
    record Shutdown(String reason) implements Event {}
}
