package io.alloytop.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.HealthState;
import io.alloytop.alloy.Result;
import io.alloytop.ui.Samples;
import io.alloytop.ui.States;
import io.alloytop.ui.model.Key.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateTest {
    private static UiState base() {
        return States.with(Samples.ok(Samples.many(40, 1), Samples.T0), 120, 40);
    }

    private static Update.Step key(UiState s, Key k) {
        return Update.update(s, new Event.KeyPressed(k));
    }

    private static List<String> ids(UiState s) {
        return s.visibleRows().stream().map(ComponentRow::globalId).toList();
    }

    @Test
    void badHealthSortsFirstAndTheFirstRowIsSelected() {
        UiState s = base();
        List<ComponentRow> v = s.visibleRows();
        for (int i = 1; i < v.size(); i++) assertTrue(v.get(i - 1).health().compareTo(v.get(i).health()) <= 0);
        assertEquals(v.get(0).globalId(), s.selectedId);
        assertTrue(v.get(0).health().isBad());
    }

    @Test
    void sortCyclesAndReverses() {
        UiState s = States.type(base(), "s");
        assertEquals(SortColumn.ID, s.sort.column());
        List<String> asc = s.visibleRows().stream().map(ComponentRow::id).toList();
        List<String> sorted = new ArrayList<>(asc);
        sorted.sort(null);
        assertEquals(sorted, asc);
        s = States.type(s, "S");
        assertTrue(s.sort.reversed());
        assertEquals(asc.get(0), s.visibleRows().get(s.visibleRows().size() - 1).id());
        for (int i = 0; i < 5; i++) s = States.type(s, "s");
        assertEquals(SortColumn.HEALTH, s.sort.column());
    }

    @Test
    void selectionFollowsTheComponentAcrossRefreshesAndSorts() {
        UiState s = States.keys(base(), Key.of(Kind.DOWN), Key.of(Kind.DOWN));
        String chosen = s.selectedId;
        s = States.type(s, "s");
        assertEquals(chosen, s.selectedId);
        s = States.apply(s, new Event.SnapshotArrived(Samples.ok(Samples.many(40, 1), Samples.T0.plusSeconds(2))));
        assertEquals(chosen, s.selectedId);
    }

    @Test
    void movementClampsAndPagesKeepTheSelectionOnScreen() {
        UiState s = States.with(Samples.ok(Samples.many(600, 2), Samples.T0), 80, 24);
        s = States.keys(s, Key.of(Kind.UP));
        assertEquals(0, s.selectedIndex());
        s = States.keys(s, Key.ch('G'));
        assertEquals(599, s.selectedIndex());
        assertTrue(s.top <= 599 && 599 < s.top + s.layout().tableRows());
        s = States.keys(s, Key.of(Kind.PAGE_UP));
        assertTrue(s.selectedIndex() < 599 && s.selectedIndex() >= s.top);
        s = States.keys(s, Key.ch('g'));
        assertEquals(0, s.selectedIndex());
        assertEquals(0, s.top);
    }

    @Test
    void filterTokensCombine() {
        UiState s = States.type(base(), "/health:unhealthy");
        assertTrue(!s.visibleRows().isEmpty());
        assertTrue(s.visibleRows().stream().allMatch(r -> r.health() == HealthState.UNHEALTHY));
        s = States.keys(s, Key.of(Kind.ENTER));
        assertNull(s.input);
        assertEquals("health:unhealthy", s.filter);
        s = States.apply(s, new Event.KeyPressed(Key.of(Kind.ESC)));
        assertEquals("", s.filter, "Esc in the table clears the filter");
        s = States.type(s, "/module:self_monitor loki");
        assertTrue(!s.visibleRows().isEmpty());
        assertTrue(s.visibleRows().stream().allMatch(r -> r.module().contains("self_monitor") && r.globalId().contains("loki")));
        s = States.keys(s, Key.of(Kind.ESC));
        assertEquals("", s.filter);
        assertEquals(40, s.visibleRows().size());
        s = States.type(s, "/module:root");
        assertTrue(s.visibleRows().stream().allMatch(r -> r.module().isEmpty()));
        s = States.type(States.keys(s, Key.of(Kind.ESC)), "/health:bad");
        assertTrue(s.visibleRows().stream().allMatch(r -> r.health().isBad()));
    }

    @Test
    void enterAsksForTheDetailOffTheUiThreadAndOnlyItsAnswerFillsIt() {
        UiState s = base();
        Update.Step st = key(s, Key.of(Kind.ENTER));
        assertEquals(UiState.View.DETAIL, st.state().view);
        assertEquals(List.of(new Command.LoadDetail(s.selectedId)), st.commands());
        assertTrue(st.state().detail.loading());
        UiState d = st.state();
        UiState other = Update.update(d, new Event.DetailLoaded("someone.else", Result.ok(Samples.small().get(0)))).state();
        assertTrue(other.detail.loading(), "a late answer for another component is ignored");
        UiState failed = Update.update(d, new Event.DetailLoaded(s.selectedId, Result.err(Failure.Kind.TIMEOUT, "t"))).state();
        assertEquals("t", failed.detail.failure().message());
        Update.Step r = key(failed, Key.ch('r'));
        assertTrue(r.commands().contains(new Command.LoadDetail(s.selectedId)));
        UiState back = States.keys(failed, Key.of(Kind.ESC));
        assertEquals(UiState.View.TABLE, back.view);
        assertNull(back.detail);
    }

    @Test
    void intervalKeysClampAndAskThePoller() {
        UiState s = base();
        Update.Step st = key(s, Key.ch('+'));
        assertEquals(Duration.ofSeconds(1), st.state().interval);
        assertEquals(List.of(new Command.SetInterval(Duration.ofSeconds(1))), st.commands());
        UiState fast = s;
        for (int i = 0; i < 10; i++) fast = key(fast, Key.ch('+')).state();
        assertEquals(Update.MIN_INTERVAL, fast.interval);
        UiState slow = s;
        for (int i = 0; i < 10; i++) slow = key(slow, Key.ch('-')).state();
        assertEquals(Update.MAX_INTERVAL, slow.interval);
    }

    @Test
    void commandLineRunsCommandsWithHistoryAndCompletion() {
        UiState s = States.type(base(), ":sort age");
        s = States.keys(s, Key.of(Kind.ENTER));
        assertEquals(SortColumn.AGE, s.sort.column());
        assertEquals(List.of("sort age"), s.commandHistory);
        s = States.type(s, ":th");
        s = States.keys(s, Key.of(Kind.TAB));
        assertEquals("theme ", s.input.text());
        s = States.type(s, "li");
        s = States.keys(s, Key.of(Kind.TAB));
        assertEquals("theme light ", s.input.text());
        s = States.keys(s, Key.of(Kind.ENTER));
        assertEquals("light", s.theme.name());
        s = States.type(s, ":");
        s = States.keys(s, Key.of(Kind.UP));
        assertEquals("theme light", s.input.text());
        s = States.keys(s, Key.of(Kind.UP));
        assertEquals("sort age", s.input.text());
        s = States.keys(s, Key.of(Kind.DOWN), Key.of(Kind.DOWN));
        assertEquals("", s.input.text());
        s = States.keys(States.type(s, "interval 5s"), Key.of(Kind.ENTER));
        assertEquals(Duration.ofSeconds(5), s.interval);
        s = States.keys(States.type(s, ":frobnicate"), Key.of(Kind.ENTER));
        assertTrue(s.message.contains("unknown command `frobnicate`"), s.message);
        Update.Step q = Update.update(States.type(s, ":q"), new Event.KeyPressed(Key.of(Kind.ENTER)));
        assertTrue(q.state().quitting);
        assertEquals(List.of(new Command.Quit()), q.commands());
    }

    @Test
    void ambiguousCompletionListsTheChoices() {
        UiState s = States.keys(States.type(base(), ":sort m"), Key.of(Kind.TAB));
        assertEquals("sort m", s.input.text());
        assertTrue(s.message.contains("module") && s.message.contains("message"), s.message);
    }

    @Test
    void themesCycleWithT() {
        UiState s = base();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < s.themes.all().size(); i++) {
            s = States.type(s, "t");
            seen.add(s.theme.name());
        }
        assertEquals(s.themes.names().size(), seen.stream().distinct().count());
        assertEquals("default", s.theme.name());
    }

    @Test
    void quitKeysAskToQuit() {
        assertEquals(List.of(new Command.Quit()), key(base(), Key.ch('q')).commands());
        assertEquals(List.of(new Command.Quit()), key(base(), Key.ctrl('c')).commands());
        assertEquals(List.of(new Command.Quit()), Update.update(base(), new Event.Shutdown("hup")).commands());
    }

    @Test
    void copyUsesTheSelectedGlobalId() {
        UiState s = base();
        assertEquals(List.of(new Command.CopyToClipboard(s.selectedId)), key(s, Key.ch('y')).commands());
    }

    @Test
    void healthHistoryRecordsChangesOnly() {
        List<Component> a = Samples.small();
        UiState s = States.with(Samples.ok(a, Samples.T0), 120, 40);
        s = States.apply(s, new Event.SnapshotArrived(Samples.ok(a, Samples.T0.plusSeconds(2))));
        assertEquals(1, s.history.get("local.file.api_key").size());
        List<Component> b = new ArrayList<>(a);
        b.set(0, Samples.component("local.file", "api_key", "", HealthState.HEALTHY, "component evaluated", "2026-11-22T09:00:03Z"));
        s = States.apply(s, new Event.SnapshotArrived(Samples.ok(b, Samples.T0.plusSeconds(4))));
        List<HealthChange> h = s.history.get("local.file.api_key");
        assertEquals(2, h.size());
        assertEquals(HealthState.UNHEALTHY, h.get(0).state());
        assertEquals(HealthState.HEALTHY, h.get(1).state());
    }

    @Test
    void messagesExpireWithTheClock() {
        UiState s = States.type(base(), "r");
        assertTrue(s.message != null);
        s = States.apply(s, new Event.Tick(Samples.T0.plusSeconds(10)));
        assertNull(s.message);
    }

    @Test
    void ticksBetweenOnTimePollsChangeNothingSoNothingIsRedrawn() {
        UiState s = States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40); // 2 s interval
        UiState first = States.apply(s, new Event.Tick(Samples.T0.plusSeconds(1)));
        assertSame(s, first, "a tick between on-time polls must leave the state (and the screen) alone");
        UiState overdue = States.apply(s, new Event.Tick(Samples.T0.plusSeconds(4)));
        assertNotSame(s, overdue);
        assertEquals(Samples.T0.plusSeconds(4), overdue.now, "late data: the clock moves every second");
        UiState down = States.with(Samples.unreachable(Samples.small(), Samples.T0, Samples.T0.minusSeconds(2)), 120, 40);
        assertEquals(Samples.T0.plusSeconds(1), States.apply(down, new Event.Tick(Samples.T0.plusSeconds(1))).now);
        UiState polled = States.apply(s, new Event.SnapshotArrived(Samples.ok(Samples.small(), Samples.T0.plusSeconds(2))));
        assertEquals(Samples.T0.plusSeconds(2), polled.now, "each poll's frame moves the clock");
    }

    @Test
    void theClockWakesTheUiOnlyWhenTheStateNeedsIt() {
        UiState s = States.with(Samples.ok(Samples.small(), Samples.T0), 120, 40); // 2 s interval
        assertEquals(Samples.T0.plusSeconds(3), Update.nextTick(s), "on time: only when the next poll is overdue");
        UiState late = States.apply(s, new Event.Tick(Samples.T0.plusMillis(3500)));
        assertEquals(Samples.T0.plusSeconds(4), Update.nextTick(late), "late: every whole second");
        UiState said = States.type(s.with(b -> b.interval = java.time.Duration.ofSeconds(10)), "r");
        assertEquals(Samples.T0.plusSeconds(5), said.messageUntil);
        assertEquals(said.messageUntil, Update.nextTick(said), "a message is cleared on time");
        assertEquals(Samples.T0.plusSeconds(1), Update.nextTick(States.initial(120, 40).with(b -> b.now = Samples.T0)),
                "no data yet: every second");
    }

    @Test
    void updatedTimeWithAnOffsetIsTheSameInstant() {
        assertEquals(ComponentRow.parseTime("2026-11-22T08:40:12.911027455Z"),
                ComponentRow.parseTime("2026-11-22T10:40:12.911027455+02:00"));
        assertNull(ComponentRow.parseTime("0001-01-01T00:00:00Z"));
        assertNull(ComponentRow.parseTime("garbage"));
    }
}
