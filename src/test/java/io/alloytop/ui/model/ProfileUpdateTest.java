package io.alloytop.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.ProfileType;
import io.alloytop.pprof.ValueType;
import io.alloytop.ui.Samples;
import io.alloytop.ui.States;
import io.alloytop.ui.model.Key.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileUpdateTest {
    static UiState base() {
        return States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40);
    }

    static Update.Step key(UiState s, Key k) {
        return Update.update(s, new Event.KeyPressed(k));
    }

    /** Two sample types; in flat order "a" leads, in cum order "main" leads. */
    static List<ProfileSummary> heapSummaries(int functions) {
        List<ValueType> types = List.of(new ValueType("alloc_space", "bytes"), new ValueType("inuse_space", "bytes"));
        List<ProfileSummary> out = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<ProfileSummary.Row> rows = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < functions; i++) total += (functions - i) * 1024L * (t + 1);
            rows.add(new ProfileSummary.Row("main", 0, total, 0, 100, ""));
            for (int i = 0; i < functions; i++) {
                long v = (functions - i) * 1024L * (t + 1);
                rows.add(new ProfileSummary.Row("fn" + i + (t == 0 ? "_alloc" : "_inuse"), v, v, 100.0 * v / total, 100.0 * v / total, ""));
            }
            rows.sort(ProfileSummary.SortKey.FLAT.comparator());
            out.add(new ProfileSummary("heap", types, t, total, 0, 0, functions, rows, ProfileSummary.SortKey.FLAT));
        }
        return out;
    }

    static UiState captured(UiState s, int functions) {
        s = Update.update(s, new Event.KeyPressed(Key.ch('p'))).state();
        s = States.keys(s, Key.of(Kind.DOWN)); // heap
        Update.Step st = key(s, Key.of(Kind.ENTER));
        long id = st.state().profile.id();
        return Update.update(st.state(), new Event.Profile(new ProfileEvent.Done(id, "/tmp/p/alloy-h-heap-1.pb.gz", 2048,
                heapSummaries(functions), 1, null))).state();
    }

    @Test
    void pOpensThePickerWithCpuFirstAndTheSecondsFromTheOptions() {
        UiState s = base().with(b -> b.cpuSeconds = 15);
        UiState p = key(s, Key.ch('p')).state();
        assertEquals(UiState.View.PROFILE, p.view);
        assertEquals(Keymap.Scope.PROFILE, p.scope());
        assertEquals(ProfileState.Phase.PICK, p.profile.phase());
        assertEquals(ProfileType.CPU, p.profile.picked());
        assertEquals(15, p.profile.secondsFor(ProfileType.CPU));
        UiState more = States.keys(p, Key.ch('+'), Key.ch('+'));
        assertEquals(35, more.profile.cpuSeconds());
        assertEquals(ProfileUpdate.MIN_SECONDS, States.keys(p, Key.ch('-'), Key.ch('-'), Key.ch('-')).profile.cpuSeconds());
        assertEquals(UiState.View.TABLE, key(p, Key.of(Kind.ESC)).state().view, "Esc in the picker closes the view");
    }

    @Test
    void enterStartsACaptureAsAnEffectAndProgressMovesTheBar() {
        UiState p = key(base(), Key.ch('p')).state();
        Update.Step st = key(p, Key.of(Kind.ENTER));
        assertEquals(ProfileState.Phase.CAPTURING, st.state().profile.phase());
        Command.Profile c = assertInstanceOf(Command.Profile.class, st.commands().get(0));
        ProfileEffect.Start start = assertInstanceOf(ProfileEffect.Start.class, c.effect());
        assertEquals(ProfileType.CPU, start.type());
        assertEquals(30, start.seconds());
        assertEquals(Duration.ofSeconds(30), st.state().profile.total());
        UiState prog = Update.update(st.state(), new Event.Profile(new ProfileEvent.Progress(start.id(), Duration.ofSeconds(12),
                Duration.ofSeconds(30)))).state();
        assertEquals(Duration.ofSeconds(12), prog.profile.elapsed());
        // an answer from an older capture is ignored
        UiState stale = Update.update(prog, new Event.Profile(new ProfileEvent.Failed(start.id() - 1, "old"))).state();
        assertSame(prog, stale);
    }

    @Test
    void cancelAbortsTheCallAndReturnsToThePicker() {
        UiState p = key(base(), Key.ch('p')).state();
        Update.Step st = key(p, Key.of(Kind.ENTER));
        long id = st.state().profile.id();
        for (Key k : new Key[] {Key.ch('c'), Key.of(Kind.ESC)}) {
            Update.Step c = key(st.state(), k);
            assertEquals(ProfileState.Phase.PICK, c.state().profile.phase());
            assertEquals(new Command.Profile(new ProfileEffect.Cancel(id)), c.commands().get(0));
            assertTrue(c.state().message.contains("cancelled"), c.state().message);
            // the cancelled capture's Finished arrives later and must not show up as a failure
            UiState late = Update.update(c.state(), new Event.Profile(new ProfileEvent.Failed(id, "capture cancelled"))).state();
            assertEquals(ProfileState.Phase.PICK, late.profile.phase());
        }
    }

    @Test
    void theTopTableSortsByFlatOrCumAndSwitchesSampleTypes() {
        UiState s = captured(base(), 10);
        assertEquals(ProfileState.Phase.DONE, s.profile.phase());
        assertEquals("inuse_space", s.profile.table().selectedType().type());
        assertEquals("fn0_inuse", s.profile.table().rows().get(0).name());
        UiState cum = key(s, Key.ch('s')).state();
        assertEquals(ProfileSummary.SortKey.CUM, cum.profile.table().sortedBy());
        assertEquals("main", cum.profile.table().rows().get(0).name());
        assertEquals(ProfileSummary.SortKey.FLAT, key(cum, Key.ch('s')).state().profile.table().sortedBy());
        UiState alloc = key(s, Key.ch('i')).state();
        assertEquals("alloc_space", alloc.profile.table().selectedType().type());
        assertEquals("fn0_alloc", alloc.profile.table().rows().get(0).name());
        assertEquals("inuse_space", key(alloc, Key.ch('i')).state().profile.table().selectedType().type());
    }

    @Test
    void theTableScrollsWithinItsRows() {
        UiState s = captured(base(), 100);
        UiState down = States.keys(s, Key.of(Kind.DOWN), Key.of(Kind.DOWN));
        assertEquals(2, down.profile.scroll());
        UiState end = key(s, Key.ch('G')).state();
        assertEquals(101 - ProfileUpdate.tableRows(s), end.profile.scroll());
        assertEquals(0, key(end, Key.ch('g')).state().profile.scroll());
        assertEquals(0, key(s, Key.of(Kind.UP)).state().profile.scroll());
    }

    @Test
    void failuresAreKeptAsTextAndEscGoesBackToThePicker() {
        UiState p = key(base(), Key.ch('p')).state();
        Update.Step st = key(p, Key.of(Kind.ENTER));
        String msg = "pprof is switched off in this Alloy: start it with --server.http.enable-pprof=true";
        UiState f = Update.update(st.state(), new Event.Profile(new ProfileEvent.Failed(st.state().profile.id(), msg))).state();
        assertEquals(ProfileState.Phase.FAILED, f.profile.phase());
        assertEquals(msg, f.profile.error());
        assertEquals(ProfileState.Phase.PICK, key(f, Key.of(Kind.ESC)).state().profile.phase());
    }

    @Test
    void aCaptureFinishingWhileAnotherViewIsUpSaysSoInTheFooter() {
        UiState p = key(base(), Key.ch('p')).state();
        UiState running = key(p, Key.of(Kind.ENTER)).state();
        UiState away = running.with(b -> b.view = UiState.View.TABLE);
        UiState done = Update.update(away, new Event.Profile(new ProfileEvent.Done(running.profile.id(), "/x/y.pb.gz", 10,
                List.of(), 0, null))).state();
        assertTrue(done.message.contains("cpu profile saved: /x/y.pb.gz"), done.message);
        assertNull(Update.update(base(), new Event.Profile(new ProfileEvent.Progress(1, Duration.ZERO, Duration.ZERO))).state().profile);
    }
}
