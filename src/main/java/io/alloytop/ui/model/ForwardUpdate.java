package io.alloytop.ui.model;

import io.alloytop.ui.model.ForwardUiState.Phase;
import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.Update.Step;
import io.alloytop.ui.model.UiState.View;

/** update() for the forwarding dialog and the header's forwarding state. */
final class ForwardUpdate {
    private ForwardUpdate() {}

    static Step open(UiState s) {
        ForwardUiState f = s.forward;
        if (f != null && f.phase() == Phase.RUNNING) return Step.of(s.with(b -> b.view = View.FORWARD));
        long id = f == null ? 1 : f.id() + 1;
        return Step.of(s.with(b -> { b.forward = ForwardUiState.checking(id); b.view = View.FORWARD; }),
                new Command.Forward(new ForwardEffect.Begin(id)));
    }

    static Step act(UiState s, Action a) {
        ForwardUiState f = s.forward;
        if (f == null) return null;
        switch (a) {
            case UP: return Step.of(put(s, f.scrolled(f.scroll() - 1)));
            case DOWN: return Step.of(put(s, f.scrolled(f.scroll() + 1)));
            case PAGE_UP: return Step.of(put(s, f.scrolled(f.scroll() - 10)));
            case PAGE_DOWN: return Step.of(put(s, f.scrolled(f.scroll() + 10)));
            case TOP: return Step.of(put(s, f.scrolled(0)));
            case BOTTOM: return Step.of(put(s, f.scrolled(Integer.MAX_VALUE)));
            case CONFIRM:
                if (f.phase() != Phase.CONFIRM) return Step.of(s);
                if (f.nothingToDo()) return close(Update.say(s, "forwarding: nothing to change"));
                return Step.of(put(s, f.running()), new Command.Forward(new ForwardEffect.Execute(f.id())));
            case BACK:
            case FORWARD:
                if (f.phase() == Phase.RUNNING) {
                    return Step.of(Update.say(s, "the change is running; it finishes (or rolls back) within the verify timeout"));
                }
                return close(s);
            default: return null;
        }
    }

    static boolean takesTyping(UiState s) {
        return !s.helpOpen && s.view == View.FORWARD && s.forward != null && s.forward.phase() == Phase.ASK_KEY;
    }

    /** Masked input: characters go into the secret; nothing of it is ever drawn except as asterisks. */
    static Step onSecretKey(UiState s, Key k) {
        ForwardUiState f = s.forward;
        if (k.kind() == Kind.ESC || (k.ctrl() && k.ch() == 'c')) return close(s);
        if (k.kind() == Kind.ENTER) {
            if (f.key().isEmpty()) return Step.of(Update.say(s, "type the API key, or Esc to cancel"));
            SecretInput key = f.key();
            return Step.of(put(s, ForwardUiState.checking(f.id())),
                    new Command.Forward(new ForwardEffect.PrepareWithKey(f.id(), f.action(), key)));
        }
        if (k.kind() == Kind.BACKSPACE) return Step.of(put(s, f.withKey(f.key().backspace())));
        if (k.kind() == Kind.CHAR && k.ctrl() && k.ch() == 'u') return Step.of(put(s, f.withKey(SecretInput.EMPTY)));
        if (k.kind() == Kind.CHAR && k.isPrintable() && f.key().length() < 4096) return Step.of(put(s, f.withKey(f.key().append(k.ch()))));
        return Step.of(s);
    }

    static Step on(UiState s, ForwardEvent e) {
        if (e instanceof ForwardEvent.Header h) {
            return Step.of(s.with(b -> { b.forwardHeader = h.text(); b.forwardFailing = h.failing(); }));
        }
        ForwardUiState f = s.forward;
        if (f == null) return Step.of(s);
        if (e instanceof ForwardEvent.Unavailable u && u.id() == f.id() && f.phase() == Phase.CHECKING) {
            return Step.of(put(s, f.unavailable(u.reason())));
        }
        if (e instanceof ForwardEvent.NeedsKey n && n.id() == f.id() && f.phase() == Phase.CHECKING) {
            return Step.of(put(s, f.askKey(n.action(), n.configPath())));
        }
        if (e instanceof ForwardEvent.Planned p && p.id() == f.id() && f.phase() == Phase.CHECKING) {
            return Step.of(put(s, f.planned(p)));
        }
        if (e instanceof ForwardEvent.Step st && st.id() == f.id() && f.phase() == Phase.RUNNING) {
            return Step.of(put(s, f.step(st.step())));
        }
        if (e instanceof ForwardEvent.Finished fin && fin.id() == f.id() && f.phase() == Phase.RUNNING) {
            UiState n = put(s, f.finished(fin.ok(), fin.summary()));
            return Step.of(Update.say(n, "forwarding: " + fin.summary()), new Command.Forward(new ForwardEffect.RefreshStatus()));
        }
        return Step.of(s);
    }

    /** Leaves the dialog; a prepared plan (which holds the key) is dropped by the effect runner. */
    private static Step close(UiState s) {
        ForwardUiState f = s.forward;
        UiState n = s.with(b -> {
            b.forward = f.unavailable(null);
            if (s.view == View.FORWARD) b.view = View.TABLE;
        });
        return Step.of(n, new Command.Forward(new ForwardEffect.Discard(f.id())));
    }

    private static UiState put(UiState s, ForwardUiState f) {
        return s.with(b -> b.forward = f);
    }
}
