package io.alloytop.ui.model;

import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.ProfileType;
import java.time.Duration;
import java.util.List;

/**
 * The profile view: a picker, then a capture with progress, then the saved file and its top table.
 * {@code id} numbers captures so answers from a cancelled one are ignored.
 */
public record ProfileState(Phase phase, int pick, int cpuSeconds, long id, ProfileType type, Duration elapsed,
                           Duration total, String path, long size, List<ProfileSummary> summaries, int sampleIndex,
                           ProfileSummary.SortKey sort, int scroll, String error) {
    public enum Phase { PICK, CAPTURING, DONE, FAILED }

    public static final List<ProfileType> TYPES = List.of(ProfileType.values());
    public static final int MAX_SECONDS = 600;

    public ProfileState {
        summaries = List.copyOf(summaries);
    }

    public static ProfileState picker(int cpuSeconds, long lastId) {
        return new ProfileState(Phase.PICK, 0, cpuSeconds, lastId, null, Duration.ZERO, Duration.ZERO, null, 0,
                List.of(), 0, ProfileSummary.SortKey.FLAT, 0, null);
    }

    public ProfileType picked() {
        return TYPES.get(pick);
    }

    /** What the picked type records for: --seconds for cpu, Go's 1 s for trace, nothing for the rest. */
    public int secondsFor(ProfileType t) {
        return t == ProfileType.CPU ? cpuSeconds : t.defaultSeconds();
    }

    /** The table on screen: the chosen sample type in the chosen order, or null before one is read. */
    public ProfileSummary table() {
        if (summaries.isEmpty()) return null;
        return summaries.get(Math.min(sampleIndex, summaries.size() - 1)).sortedBy(sort);
    }

    ProfileState with(Phase p) {
        return new ProfileState(p, pick, cpuSeconds, id, type, elapsed, total, path, size, summaries, sampleIndex, sort, scroll, error);
    }

    ProfileState withPick(int v) {
        return new ProfileState(phase, v, cpuSeconds, id, type, elapsed, total, path, size, summaries, sampleIndex, sort, scroll, error);
    }

    ProfileState withSeconds(int v) {
        return new ProfileState(phase, pick, v, id, type, elapsed, total, path, size, summaries, sampleIndex, sort, scroll, error);
    }

    ProfileState withProgress(Duration e, Duration t) {
        return new ProfileState(phase, pick, cpuSeconds, id, type, e, t, path, size, summaries, sampleIndex, sort, scroll, error);
    }

    ProfileState withView(int index, ProfileSummary.SortKey k, int top) {
        return new ProfileState(phase, pick, cpuSeconds, id, type, elapsed, total, path, size, summaries, index, k, top, error);
    }

    ProfileState capturing(long newId, ProfileType t, Duration totalTime) {
        return new ProfileState(Phase.CAPTURING, pick, cpuSeconds, newId, t, Duration.ZERO, totalTime, null, 0, List.of(), 0,
                ProfileSummary.SortKey.FLAT, 0, null);
    }

    ProfileState done(ProfileEvent.Done d) {
        return new ProfileState(Phase.DONE, pick, cpuSeconds, id, type, total, total, d.path(), d.size(), d.summaries(),
                d.sampleIndex(), ProfileSummary.SortKey.FLAT, 0, d.note());
    }

    ProfileState failed(String message) {
        return new ProfileState(Phase.FAILED, pick, cpuSeconds, id, type, elapsed, total, null, 0, List.of(), 0,
                ProfileSummary.SortKey.FLAT, 0, message);
    }
}
