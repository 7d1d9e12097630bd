package io.alloytop.ui.model;

import io.alloytop.pprof.ProfileSummary;
import java.time.Duration;
import java.util.List;

/** What a profile capture effect answers; {@code id} ties it to the capture that asked. */
public sealed interface ProfileEvent {
    long id();

    record Progress(long id, Duration elapsed, Duration total) implements ProfileEvent {}

    /**
     * Saved (and, for decodable types, read): one summary per sample type, the default index as
     * pprof picks it. {@code note} says why there is no table (a trace, or a decode error).
     */
    record Done(long id, String path, long size, List<ProfileSummary> summaries, int sampleIndex, String note)
            implements ProfileEvent {
        public Done {
            summaries = List.copyOf(summaries);
        }
    }

    record Failed(long id, String message) implements ProfileEvent {}
}
