package io.alloytop.ui.model;

import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.Keymap.Binding;
import io.alloytop.ui.model.Keymap.Scope;
import java.util.List;

/**
 * The logs pane's key bindings, kept in their own table so the pane's keys read in one place;
 * {@link Keymap#defaults()} includes them. `t` is the theme, so timestamps are `T`.
 */
final class LogsKeys {
    private LogsKeys() {}

    static List<Binding> bindings() {
        return List.of(
                b(Scope.LOGS, Action.LOGS_SEARCH, "search the logs (Enter jumps, Esc clears)", "search", Key.ch('/')),
                b(Scope.LOGS, Action.LOGS_NEXT_MATCH, "next search match (pauses)", null, Key.ch('n')),
                b(Scope.LOGS, Action.LOGS_PREV_MATCH, "previous search match (pauses)", null, Key.ch('N')),
                b(Scope.LOGS, Action.LOGS_LEVEL, "minimum level: debug, info, warn, error (cycles)", "level", Key.ch('l')),
                b(Scope.LOGS, Action.LOGS_COMPONENT, "only this line's component (again: all)", null, Key.ch('c')),
                b(Scope.LOGS, Action.LOGS_WRAP, "wrap long lines / cut them at the edge", "wrap", Key.ch('w')),
                b(Scope.LOGS, Action.LOGS_TIMES, "show / hide the time column", null, Key.ch('T')),
                b(Scope.LOGS, Action.LOGS_COPY, "copy the selected line (OSC 52)", null, Key.ch('y')),
                b(Scope.LOGS, Action.LOGS_OPEN, "open the selected entry, all its fields", "entry", Key.of(Kind.ENTER)),
                b(Scope.TABLE, Action.LOGS_FOR_COMPONENT, "the selected component's logs (Esc clears)", null, Key.ch('L')),
                b(Scope.DETAIL, Action.LOGS_FOR_COMPONENT, "this component's logs", "logs", Key.ch('L')),
                b(Scope.LOG_ENTRY, Action.BACK, "back to the logs", "back", Key.of(Kind.ESC), Key.of(Kind.BACKSPACE), Key.ch('h')),
                b(Scope.LOG_ENTRY, Action.LOGS_COPY, "copy this entry's line (OSC 52)", null, Key.ch('y')));
    }

    private static Binding b(Scope s, Action a, String help, String footer, Key... keys) {
        return new Binding(s, List.of(keys), a, help, footer);
    }
}
