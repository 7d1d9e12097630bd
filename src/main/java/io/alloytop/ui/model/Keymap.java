package io.alloytop.ui.model;

import io.alloytop.ui.model.Key.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys as data: every binding with its help text. Dispatch, the footer hints and the `?` overlay
 * are all generated from this one table, so they can never disagree.
 * Planned by other features (kept free here): p profile picker, f forwarding toggle, L logs pane focus.
 * P is the pipeline view (the issue asked for g, but g/G stay top/bottom as in k9s and less); ! the problems view.
 */
public final class Keymap {
    /** Where a binding applies; GLOBAL bindings apply everywhere unless a narrower scope binds the key. */
    public enum Scope { GLOBAL, TABLE, DETAIL, LOGS, HELP, VIEW }

    public record Binding(Scope scope, List<Key> keys, Action action, String help, String footerLabel) {
        public String keysDisplay() {
            StringBuilder sb = new StringBuilder();
            for (Key k : keys) {
                if (sb.length() > 0) sb.append(' ');
                sb.append(k.display());
            }
            return sb.toString();
        }
    }

    private final List<Binding> bindings;

    public Keymap(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    public List<Binding> bindings() {
        return bindings;
    }

    public Action lookup(Scope scope, Key key) {
        Action a = find(scope, key);
        return a != null || scope == Scope.GLOBAL ? a : find(Scope.GLOBAL, key);
    }

    private Action find(Scope scope, Key key) {
        for (Binding b : bindings) {
            if (b.scope() != scope) continue;
            for (Key k : b.keys()) if (k.equals(key)) return b.action();
        }
        return null;
    }

    /** The hints drawn in the footer for a scope: its own first, then the global ones. */
    public List<Binding> footer(Scope scope) {
        List<Binding> out = new ArrayList<>();
        for (Binding b : bindings) if (b.scope() == scope && b.footerLabel() != null) out.add(b);
        if (scope != Scope.GLOBAL) {
            for (Binding b : bindings) if (b.scope() == Scope.GLOBAL && b.footerLabel() != null) out.add(b);
        }
        return out;
    }

    public Keymap with(Binding b) {
        List<Binding> l = new ArrayList<>(bindings);
        l.add(b);
        return new Keymap(l);
    }

    private static Binding b(Scope s, Action a, String help, String footer, Key... keys) {
        return new Binding(s, List.of(keys), a, help, footer);
    }

    public static Keymap defaults() {
        List<Binding> l = new ArrayList<>();
        Scope G = Scope.GLOBAL;
        l.add(b(G, Action.UP, "move up", null, Key.of(Kind.UP), Key.ch('k')));
        l.add(b(G, Action.DOWN, "move down", null, Key.of(Kind.DOWN), Key.ch('j')));
        l.add(b(G, Action.PAGE_UP, "page up", null, Key.of(Kind.PAGE_UP), Key.ctrl('b')));
        l.add(b(G, Action.PAGE_DOWN, "page down", null, Key.of(Kind.PAGE_DOWN), Key.ctrl('f')));
        l.add(b(G, Action.TOP, "go to the top", null, Key.ch('g'), Key.of(Kind.HOME)));
        l.add(b(G, Action.BOTTOM, "go to the bottom", null, Key.ch('G'), Key.of(Kind.END)));
        l.add(b(Scope.TABLE, Action.OPEN, "open the selected component's detail", "detail", Key.of(Kind.ENTER)));
        l.add(b(Scope.TABLE, Action.FILTER, "filter: text, health:unhealthy, module:x, type:x", "filter", Key.ch('/')));
        l.add(b(Scope.TABLE, Action.SORT_NEXT, "sort by the next column", "sort", Key.ch('s')));
        l.add(b(Scope.TABLE, Action.SORT_REVERSE, "reverse the sort order", null, Key.ch('S')));
        l.add(b(Scope.TABLE, Action.COPY_ID, "copy the selected component's ID (OSC 52)", null, Key.ch('y')));
        l.add(b(Scope.TABLE, Action.BACK, "clear the filter", null, Key.of(Kind.ESC)));
        l.add(b(Scope.DETAIL, Action.BACK, "back to the table", "back", Key.of(Kind.ESC), Key.of(Kind.BACKSPACE), Key.ch('h')));
        l.add(b(Scope.DETAIL, Action.COPY_ID, "copy this component's ID (OSC 52)", null, Key.ch('y')));
        l.add(b(Scope.VIEW, Action.BACK, "back to the table", "back", Key.of(Kind.ESC), Key.of(Kind.BACKSPACE), Key.ch('h')));
        l.add(b(Scope.LOGS, Action.LOGS_PAUSE, "pause the logs / follow them again", "pause", Key.ch(' ')));
        l.add(b(Scope.LOGS, Action.BACK, "back to the components table", null, Key.of(Kind.ESC)));
        l.add(b(Scope.HELP, Action.BACK, "close help", "close", Key.of(Kind.ESC), Key.ch('?'), Key.ch('q')));
        l.add(b(G, Action.NEXT_PANE, "switch between the components and logs panes", null, Key.of(Kind.TAB), Key.of(Kind.BACKTAB)));
        l.add(b(G, Action.COMMAND, "command line: :sort COL, :theme NAME, :interval 5s, :q", "cmd", Key.ch(':')));
        l.add(b(G, Action.REFRESH, "refresh now", "refresh", Key.ch('r')));
        l.add(b(G, Action.FASTER, "poll faster (halve the interval)", null, Key.ch('+'), Key.ch('=')));
        l.add(b(G, Action.SLOWER, "poll slower (double the interval)", null, Key.ch('-')));
        l.add(b(G, Action.PIPELINE, "pipeline view: the graph with rates", null, Key.ch('P')));
        l.add(b(G, Action.PROBLEMS, "problems: data loss, failures, restarts", null, Key.ch('!')));
        l.add(b(G, Action.NEXT_THEME, "next theme", "theme", Key.ch('t')));
        l.add(b(G, Action.HELP, "this help", "help", Key.ch('?'), Key.of(Kind.F1)));
        l.add(b(G, Action.QUIT, "quit", "quit", Key.ch('q'), Key.ctrl('c')));
        return new Keymap(l);
    }
}
