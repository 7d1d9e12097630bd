package io.alloytop.ui.model;

import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.Keymap.Binding;
import io.alloytop.ui.model.Keymap.Scope;
import java.util.List;

/** The profile view's and forwarding dialog's rows of the keymap, kept apart so the shared table stays short. */
final class ProfileKeys {
    private ProfileKeys() {}

    static void add(List<Binding> l) {
        Scope P = Scope.PROFILE;
        l.add(Keymap.b(P, Action.OPEN, "capture the chosen profile", "capture", Key.of(Kind.ENTER)));
        l.add(Keymap.b(P, Action.CANCEL, "cancel the capture (frees Alloy's profiler)", "cancel", Key.ch('c')));
        l.add(Keymap.b(P, Action.PROFILE_SORT, "sort the top table by flat or cum", "flat/cum", Key.ch('s')));
        l.add(Keymap.b(P, Action.SAMPLE_NEXT, "next sample type (inuse_space ...)", "sample", Key.ch('i')));
        l.add(Keymap.b(P, Action.SECONDS_MORE, "record cpu longer (+10 s)", null, Key.ch('+'), Key.ch('=')));
        l.add(Keymap.b(P, Action.SECONDS_LESS, "record cpu shorter (-10 s)", null, Key.ch('-')));
        l.add(Keymap.b(P, Action.BACK, "cancel / back to the picker / close", "back", Key.of(Kind.ESC)));
        // the dialog's own bottom line says y/n or Esc for the phase it is in; the footer would say it for every phase
        Scope F = Scope.FORWARD;
        l.add(Keymap.b(F, Action.CONFIRM, "yes: write, reload, verify", null, Key.ch('y')));
        l.add(Keymap.b(F, Action.BACK, "no / close the dialog", null, Key.ch('n'), Key.of(Kind.ESC)));
    }
}
