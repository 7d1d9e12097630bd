package io.alloytop.pprof;

import io.alloytop.alloy.Result;
import java.time.Duration;

/** What a running capture reports, from its own threads; a UI turns these into its events. */
public sealed interface CaptureEvent {
    /** Time spent so far out of what the server was asked to record (zero total for instant profiles). */
    record Progress(ProfileType type, Duration elapsed, Duration total) implements CaptureEvent {
        /** 0..1, for a progress bar. */
        public double fraction() {
            return total.isZero() ? 0 : Math.min(1.0, (double) elapsed.toMillis() / total.toMillis());
        }

        public long secondsLeft() {
            return Math.max(0, total.minus(elapsed).toSeconds());
        }
    }

    /** The last event of every capture, also when it was cancelled. */
    record Finished(ProfileType type, Result<CapturedProfile> result) implements CaptureEvent {}
}
