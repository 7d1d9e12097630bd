package io.alloytop.ui.model;

import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.ProfileType;
import io.alloytop.ui.model.ProfileState.Phase;
import io.alloytop.ui.model.Update.Step;
import io.alloytop.ui.model.UiState.View;
import java.time.Duration;

/** update() for the profile view: pure, like the rest; the capture itself is a {@link ProfileEffect}. */
final class ProfileUpdate {
    static final int SECONDS_STEP = 10;
    static final int MIN_SECONDS = 5;

    private ProfileUpdate() {}

    static Step open(UiState s) {
        ProfileState p = s.profile != null ? s.profile : ProfileState.picker(s.cpuSeconds, 0);
        return Step.of(s.with(b -> { b.profile = p; b.view = View.PROFILE; }));
    }

    /** Null when the action is not the profile view's to handle (quit, help, theme ...). */
    static Step act(UiState s, Action a) {
        ProfileState p = s.profile;
        if (p == null) return null;
        switch (a) {
            case UP: return move(s, -1);
            case DOWN: return move(s, 1);
            case PAGE_UP: return move(s, -page(s));
            case PAGE_DOWN: return move(s, page(s));
            case TOP: return move(s, -1_000_000);
            case BOTTOM: return move(s, 1_000_000);
            case OPEN:
                if (p.phase() == Phase.PICK) return start(s, p);
                if (p.phase() != Phase.CAPTURING) return Step.of(put(s, ProfileState.picker(p.cpuSeconds(), p.id()).withPick(p.pick())));
                return Step.of(s);
            case CANCEL: return p.phase() == Phase.CAPTURING ? cancel(s, p) : Step.of(s);
            case BACK:
                if (p.phase() == Phase.CAPTURING) return cancel(s, p);
                if (p.phase() == Phase.PICK) return Step.of(s.with(b -> b.view = View.TABLE));
                return Step.of(put(s, ProfileState.picker(p.cpuSeconds(), p.id()).withPick(p.pick())));
            case PROFILE_SORT: {
                if (p.phase() != Phase.DONE || p.summaries().isEmpty()) return Step.of(s);
                ProfileSummary.SortKey k = p.sort() == ProfileSummary.SortKey.FLAT ? ProfileSummary.SortKey.CUM : ProfileSummary.SortKey.FLAT;
                return Step.of(Update.say(put(s, p.withView(p.sampleIndex(), k, 0)), "sorted by " + (k == ProfileSummary.SortKey.FLAT ? "flat" : "cum")));
            }
            case SAMPLE_NEXT: {
                if (p.phase() != Phase.DONE || p.summaries().size() < 2) return Step.of(s);
                int i = (p.sampleIndex() + 1) % p.summaries().size();
                return Step.of(put(s, p.withView(i, p.sort(), 0)));
            }
            case SECONDS_MORE:
            case SECONDS_LESS: {
                if (p.phase() != Phase.PICK || p.picked() != ProfileType.CPU) return Step.of(s);
                int d = a == Action.SECONDS_MORE ? SECONDS_STEP : -SECONDS_STEP;
                int v = Math.max(MIN_SECONDS, Math.min(ProfileState.MAX_SECONDS, p.cpuSeconds() + d));
                return Step.of(put(s, p.withSeconds(v)));
            }
            case PROFILE: return Step.of(s);
            default: return null;
        }
    }

    static Step on(UiState s, ProfileEvent e) {
        ProfileState p = s.profile;
        if (p == null || p.id() != e.id() || p.phase() != Phase.CAPTURING) return Step.of(s);
        if (e instanceof ProfileEvent.Progress pr) return Step.of(put(s, p.withProgress(pr.elapsed(), pr.total())));
        if (e instanceof ProfileEvent.Done d) {
            UiState n = put(s, p.done(d));
            return Step.of(n.view == View.PROFILE ? n : Update.say(n, p.type().id() + " profile saved: " + d.path()));
        }
        ProfileEvent.Failed f = (ProfileEvent.Failed) e;
        UiState n = put(s, p.failed(f.message()));
        return Step.of(n.view == View.PROFILE ? n : Update.say(n, p.type().id() + " profile failed: " + f.message()));
    }

    private static Step start(UiState s, ProfileState p) {
        ProfileType t = p.picked();
        int secs = p.secondsFor(t);
        long id = p.id() + 1;
        Duration total = t.timed() ? Duration.ofSeconds(secs) : Duration.ZERO;
        return Step.of(put(s, p.capturing(id, t, total)), new Command.Profile(new ProfileEffect.Start(id, t, secs)));
    }

    private static Step cancel(UiState s, ProfileState p) {
        UiState n = put(s, ProfileState.picker(p.cpuSeconds(), p.id()).withPick(p.pick()));
        return Step.of(Update.say(n, p.type().id() + " capture cancelled"), new Command.Profile(new ProfileEffect.Cancel(p.id())));
    }

    private static Step move(UiState s, int delta) {
        ProfileState p = s.profile;
        if (p.phase() == Phase.PICK) {
            int v = (int) Math.max(0, Math.min(ProfileState.TYPES.size() - 1, (long) p.pick() + delta));
            return Step.of(put(s, p.withPick(v)));
        }
        if (p.phase() == Phase.DONE && p.table() != null) {
            int max = Math.max(0, p.table().rows().size() - tableRows(s));
            int v = (int) Math.max(0, Math.min(max, (long) p.scroll() + delta));
            return Step.of(put(s, p.withView(p.sampleIndex(), p.sort(), v)));
        }
        return Step.of(s);
    }

    /** Rows of functions the top table has room for: the body minus title, facts and column header. */
    static int tableRows(UiState s) {
        return Math.max(1, s.layout().body().h() - 5);
    }

    private static int page(UiState s) {
        return Math.max(1, tableRows(s) - 1);
    }

    private static UiState put(UiState s, ProfileState p) {
        return s.with(b -> b.profile = p);
    }
}
