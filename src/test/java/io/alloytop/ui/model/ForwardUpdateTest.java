package io.alloytop.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardStep;
import io.alloytop.ui.States;
import io.alloytop.ui.model.Key.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardUpdateTest {
    static final String KEY = "glc_eyJvIjoiMTIzNDU2Nzg5MCJ9SECRET";

    static Update.Step key(UiState s, Key k) {
        return Update.update(s, new Event.KeyPressed(k));
    }

    static Update.Step open() {
        return key(ProfileUpdateTest.base(), Key.ch('f'));
    }

    static ForwardEvent.Planned plan(long id) {
        return new ForwardEvent.Planned(id, ForwardPlan.Action.ON, "/etc/alloy/config.alloy",
                List.of("config: /etc/alloy/config.alloy (--config-path)", "signals: metrics, logs", "change: 1 file, +12 -0 lines",
                        "diff:", "--- /etc/alloy/config.alloy", "+++ /etc/alloy/config.alloy", "+// BEGIN alloytop"),
                List.of("metrics: ok", "logs: ok"), true, false);
    }

    @Test
    void fAsksTheEffectRunnerToLookAndShowsChecking() {
        Update.Step st = open();
        assertEquals(UiState.View.FORWARD, st.state().view);
        assertEquals(ForwardUiState.Phase.CHECKING, st.state().forward.phase());
        assertEquals(new Command.Forward(new ForwardEffect.Begin(st.state().forward.id())), st.commands().get(0));
    }

    @Test
    void aPlanWaitsForYesAndYesRunsIt() {
        Update.Step st = open();
        long id = st.state().forward.id();
        UiState planned = Update.update(st.state(), new Event.Forward(plan(id))).state();
        assertEquals(ForwardUiState.Phase.CONFIRM, planned.forward.phase());
        assertEquals(Keymap.Scope.FORWARD, planned.scope());
        Update.Step yes = key(planned, Key.ch('y'));
        assertEquals(ForwardUiState.Phase.RUNNING, yes.state().forward.phase());
        assertEquals(new Command.Forward(new ForwardEffect.Execute(id)), yes.commands().get(0));
        // steps replace their own RUNNING line, so the list reads as a checklist
        UiState s = yes.state();
        s = Update.update(s, new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.WRITE, ForwardStep.State.RUNNING, "")))).state();
        s = Update.update(s, new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.WRITE, ForwardStep.State.OK, "wrote 1 file")))).state();
        s = Update.update(s, new Event.Forward(new ForwardEvent.Step(id, new ForwardStep(ForwardStep.Step.RELOAD, ForwardStep.State.FAILED, "400: syntax error")))).state();
        assertEquals(2, s.forward.steps().size());
        assertEquals(ForwardStep.State.OK, s.forward.steps().get(0).state());
        // Esc while running does not abandon the run
        assertEquals(UiState.View.FORWARD, key(s, Key.of(Kind.ESC)).state().view);
        Update.Step fin = Update.update(s, new Event.Forward(new ForwardEvent.Finished(id, false, true, "rolled back: reload refused")));
        assertEquals(ForwardUiState.Phase.DONE, fin.state().forward.phase());
        assertFalse(fin.state().forward.ok());
        assertTrue(fin.state().message.contains("rolled back"));
        assertEquals(new Command.Forward(new ForwardEffect.RefreshStatus()), fin.commands().get(0));
        assertEquals(UiState.View.TABLE, key(fin.state(), Key.of(Kind.ESC)).state().view);
    }

    @Test
    void noDropsThePlan() {
        Update.Step st = open();
        long id = st.state().forward.id();
        UiState planned = Update.update(st.state(), new Event.Forward(plan(id))).state();
        for (Key k : new Key[] {Key.ch('n'), Key.of(Kind.ESC)}) {
            Update.Step no = key(planned, k);
            assertEquals(UiState.View.TABLE, no.state().view);
            assertEquals(new Command.Forward(new ForwardEffect.Discard(id)), no.commands().get(0));
        }
    }

    @Test
    void theKeyIsTypedMaskedAndNeverInToString() {
        Update.Step st = open();
        long id = st.state().forward.id();
        UiState ask = Update.update(st.state(), new Event.Forward(new ForwardEvent.NeedsKey(id, ForwardPlan.Action.ON, "/etc/alloy/config.alloy"))).state();
        assertEquals(ForwardUiState.Phase.ASK_KEY, ask.forward.phase());
        // `q`, `f`, `y` are part of the key here, not commands
        UiState typed = States.type(ask, KEY + "x");
        typed = key(typed, Key.of(Kind.BACKSPACE)).state();
        assertFalse(typed.quitting);
        assertEquals(KEY.length(), typed.forward.key().length());
        assertEquals(KEY, typed.forward.key().reveal());
        for (String text : List.of(typed.toString(), typed.forward.toString(), typed.forward.key().toString())) {
            assertFalse(text.contains(KEY) || text.contains("SECRET"), text);
        }
        Update.Step enter = key(typed, Key.of(Kind.ENTER));
        assertEquals(ForwardUiState.Phase.CHECKING, enter.state().forward.phase());
        assertEquals(0, enter.state().forward.key().length(), "the state forgets the key once it is handed over");
        Command.Forward c = assertInstanceOf(Command.Forward.class, enter.commands().get(0));
        ForwardEffect.PrepareWithKey p = assertInstanceOf(ForwardEffect.PrepareWithKey.class, c.effect());
        assertEquals(KEY, p.key().reveal());
        assertFalse(c.toString().contains(KEY), c.toString());
        // Esc while typing forgets it too
        UiState esc = key(States.type(ask, "abc"), Key.of(Kind.ESC)).state();
        assertEquals(0, esc.forward.key().length());
        assertEquals(UiState.View.TABLE, esc.view);
    }

    @Test
    void unavailableIsShownAndTheHeaderFollowsStatusEvents() {
        Update.Step st = open();
        UiState u = Update.update(st.state(), new Event.Forward(new ForwardEvent.Unavailable(st.state().forward.id(),
                "forwarding needs Alloy's config file: start alloytop with --config-path"))).state();
        assertEquals(ForwardUiState.Phase.UNAVAILABLE, u.forward.phase());
        assertNull(ProfileUpdateTest.base().forwardHeader);
        UiState h = Update.update(u, new Event.Forward(new ForwardEvent.Header("forwarding metrics 12/s, logs FAILING", true))).state();
        assertEquals("forwarding metrics 12/s, logs FAILING", h.forwardHeader);
        assertTrue(h.forwardFailing);
    }
}
