package io.alloytop.ui.model;

import io.alloytop.text.Sanitizer;
import io.alloytop.alloy.Component;
import io.alloytop.ui.model.Event.DetailLoaded;
import io.alloytop.ui.model.Event.KeyPressed;
import io.alloytop.logs.LogView;
import io.alloytop.ui.model.Event.Notice;
import io.alloytop.ui.model.Event.Resized;
import io.alloytop.ui.model.Event.Shutdown;
import io.alloytop.ui.model.Event.SnapshotArrived;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.ui.model.Event.Tick;
import io.alloytop.ui.model.Key.Kind;
import io.alloytop.ui.model.UiState.Pane;
import io.alloytop.ui.model.UiState.Sort;
import io.alloytop.ui.model.UiState.View;
import io.alloytop.ui.theme.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The pure heart of the UI: (state, event) → (state, effects). No I/O, no clock, no threads. */
public final class Update {
    public static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(1);
    static final int HISTORY_PER_COMPONENT = 32;
    static final Duration MESSAGE_TIME = Duration.ofSeconds(5);
    static final List<String> COMMANDS = List.of("sort", "theme", "interval", "filter", "help", "q", "quit");

    private Update() {}

    public record Step(UiState state, List<Command> commands) {
        static Step of(UiState s, Command... c) {
            return new Step(s, List.of(c));
        }
    }

    public static Step update(UiState s, Event e) {
        if (e instanceof SnapshotArrived a) return Step.of(clamp(onSnapshot(s, a)));
        if (e instanceof Event.Observed o) {
            UiState n = onSnapshot(s, new SnapshotArrived(o.observation().snapshot()));
            return Step.of(clamp(n.with(b -> b.flows = o.observation().report())));
        }
        if (e instanceof KeyPressed k) return onKey(s, k.key());
        if (e instanceof Resized r) return Step.of(clamp(s.with(b -> { b.cols = r.columns(); b.rows = r.rows(); })));
        if (e instanceof Tick t) {
            boolean messageDue = s.messageUntil != null && !t.now().isBefore(s.messageUntil);
            // While polls arrive on time, each poll's own frame moves the clock, as htop's screen moves
            // at its delay: a tick in between would redraw the whole screen to turn "up 7m3s" into
            // "up 7m4s" (half the monitor's CPU at the default interval). Late data ticks every second.
            if (!messageDue && onTime(s, t.now())) return Step.of(s);
            return Step.of(s.with(b -> {
                b.now = t.now();
                if (messageDue) {
                    b.message = null;
                    b.messageUntil = null;
                }
            }));
        }
        if (e instanceof DetailLoaded d) {
            if (s.detail == null || !s.detail.globalId().equals(d.globalId())) return Step.of(s);
            Component c = d.result().orNull();
            return Step.of(s.with(b -> b.detail = new Detail(d.globalId(), c, d.result().failureOrNull(), s.detail.scroll())));
        }
        if (e instanceof Event.LogsChanged lc) {
            return Step.of(s.with(b -> b.logs = s.logs == null ? LogView.of(lc.snapshot()) : s.logs.update(lc.snapshot())));
        }
        if (e instanceof Event.LogStatus ls) {
            UiState n = s.with(b -> b.logsNote = Sanitizer.line(ls.text()));
            return Step.of(ls.error() ? say(n, "logs: " + ls.text()) : n);
        }
        if (e instanceof Event.Profile pe) return ProfileUpdate.on(s, pe.event());
        if (e instanceof Event.Forward fe) return ForwardUpdate.on(s, fe.event());
        if (e instanceof Notice n) return Step.of(say(s, n.text()));
        if (e instanceof Shutdown) return Step.of(s.with(b -> b.quitting = true), new Command.Quit());
        return Step.of(s);
    }

    public static UiState say(UiState s, String text) {
        return s.with(b -> {
            b.message = Sanitizer.line(text);
            b.messageUntil = s.now.plus(MESSAGE_TIME);
        });
    }

    private static UiState onSnapshot(UiState s, SnapshotArrived a) {
        var snap = a.snapshot();
        List<ComponentRow> rows = new ArrayList<>(snap.components() == null ? 0 : snap.components().size());
        // most components are unchanged between polls: reuse their sanitised, time-parsed rows
        Map<String, ComponentRow> before = new HashMap<>(s.allRows.size() * 2);
        for (ComponentRow r : s.allRows) before.put(r.globalId(), r);
        if (snap.components() != null) {
            for (Component c : snap.components()) {
                ComponentRow prev = before.get(c.globalID());
                rows.add(prev != null && prev.component().equals(c) ? prev : ComponentRow.of(c));
            }
        }
        Map<String, List<HealthChange>> hist = new HashMap<>(s.history);
        for (ComponentRow r : rows) {
            List<HealthChange> h = hist.get(r.globalId());
            HealthChange last = h == null || h.isEmpty() ? null : h.get(h.size() - 1);
            if (last == null || last.state() != r.health() || !last.message().equals(r.message())) {
                List<HealthChange> n = new ArrayList<>(h == null ? List.of() : h);
                Instant at = r.updated() != null ? r.updated() : snap.at();
                n.add(new HealthChange(at, r.health(), r.message()));
                if (n.size() > HISTORY_PER_COMPONENT) n.remove(0);
                hist.put(r.globalId(), List.copyOf(n));
            }
        }
        UiState next = s.with(b -> {
            b.snapshot = snap;
            b.allRows = rows;
            b.history = hist;
            if (snap.at() != null && snap.at().isAfter(s.now)) b.now = snap.at();
        });
        if (next.selectedId == null && !next.visibleRows().isEmpty()) {
            String first = next.visibleRows().get(0).globalId();
            next = next.with(b -> b.selectedId = first);
        }
        return next;
    }

    /**
     * When the clock next matters to this state: a message to clear, the moment on-time data turns
     * overdue, or (data late or missing) the next whole second. The UI thread sleeps until then
     * unless an event comes first, so a monitor whose polls arrive on time wakes only for them.
     */
    public static Instant nextTick(UiState s) {
        Instant next;
        if (onTime(s, s.now)) {
            next = s.snapshot.at().plus(s.interval).plusSeconds(1);
        } else {
            next = s.now.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        if (s.messageUntil != null && s.messageUntil.isBefore(next)) next = s.messageUntil;
        return next;
    }

    /** The last poll answered and the next one is not yet overdue. */
    static boolean onTime(UiState s, Instant now) {
        AlloySnapshot snap = s.snapshot;
        if (snap == null || snap.at() == null || snap.failure() != null) return false;
        return Duration.between(snap.at(), now).compareTo(s.interval.plusSeconds(1)) < 0;
    }

    private static Step onKey(UiState s, Key k) {
        if (s.input != null) return onInput(s, k);
        if (ForwardUpdate.takesTyping(s)) return ForwardUpdate.onSecretKey(s, k);
        Action a = s.keymap.lookup(s.scope(), k);
        if (a == null) return Step.of(s);
        return act(s, a);
    }

    public static Step act(UiState s, Action a) {
        if (!s.helpOpen && s.view == View.PROFILE) {
            Step r = ProfileUpdate.act(s, a);
            if (r != null) return r;
        }
        if (!s.helpOpen && s.view == View.FORWARD) {
            Step r = ForwardUpdate.act(s, a);
            if (r != null) return r;
        }
        Step logs = LogsUpdate.act(s, a);
        if (logs != null) return logs;
        switch (a) {
            case PROFILE: return ProfileUpdate.open(s);
            case FORWARD: return ForwardUpdate.open(s);
            case UP: return Step.of(move(s, -1));
            case DOWN: return Step.of(move(s, 1));
            case PAGE_UP: return Step.of(move(s, -page(s)));
            case PAGE_DOWN: return Step.of(move(s, page(s)));
            case TOP: return Step.of(move(s, Integer.MIN_VALUE / 2));
            case BOTTOM: return Step.of(move(s, Integer.MAX_VALUE / 2));
            case OPEN: return open(s);
            case BACK: return Step.of(back(s));
            case NEXT_PANE:
                if (s.view != View.TABLE || s.helpOpen) return Step.of(s);
                return Step.of(s.with(b -> b.focus = s.focus == Pane.COMPONENTS ? Pane.LOGS : Pane.COMPONENTS));
            case FILTER: return Step.of(s.with(b -> b.input = InputLine.start(InputLine.Mode.FILTER, s.filter)));
            case COMMAND: return Step.of(s.with(b -> b.input = InputLine.start(InputLine.Mode.COMMAND, "")));
            case HELP: return Step.of(s.with(b -> { b.helpOpen = true; b.helpScroll = 0; }));
            case SORT_NEXT: return Step.of(clamp(s.with(b -> b.sort = new Sort(s.sort.column().next(!s.flows.flows().isEmpty()), false))));
            case SORT_REVERSE: return Step.of(clamp(s.with(b -> b.sort = new Sort(s.sort.column(), !s.sort.reversed()))));
            case REFRESH:
                if (s.view == View.DETAIL && s.detail != null) {
                    return Step.of(s, new Command.RefreshNow(), new Command.LoadDetail(s.detail.globalId()));
                }
                return Step.of(say(s, "refreshing…"), new Command.RefreshNow());
            case FASTER: return interval(s, s.interval.dividedBy(2));
            case SLOWER: return interval(s, s.interval.multipliedBy(2));
            case COPY_ID: {
                String id = s.view == View.DETAIL && s.detail != null ? s.detail.globalId()
                        : s.selectedRow() == null ? null : s.selectedRow().globalId();
                if (id == null) return Step.of(s);
                return Step.of(say(s, "copied " + id + " to the clipboard (OSC 52)"), new Command.CopyToClipboard(id));
            }
            case NEXT_THEME: {
                List<Theme> all = s.themes.all();
                int i = all.indexOf(s.theme);
                Theme t = all.get((i + 1) % all.size());
                return Step.of(say(s.with(b -> b.theme = t), "theme: " + t.name()));
            }
            case QUIT: return Step.of(s.with(b -> b.quitting = true), new Command.Quit());
            case PIPELINE: return Step.of(toggleView(s, View.PIPELINE));
            case PROBLEMS: return Step.of(toggleView(s, View.PROBLEMS));
            default: return Step.of(s);
        }
    }

    private static int page(UiState s) {
        return Math.max(1, s.layout().tableRows() - 1);
    }

    private static Step interval(UiState s, Duration d) {
        Duration v = d.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
        return Step.of(say(s.with(b -> b.interval = v), "refresh every " + Durations.format(v)), new Command.SetInterval(v));
    }

    private static UiState move(UiState s, int delta) {
        if (s.helpOpen) return s.with(b -> b.helpScroll = Math.max(0, (int) Math.min(10_000, (long) s.helpScroll + delta)));
        if (s.view == View.PIPELINE || s.view == View.PROBLEMS) {
            return s.with(b -> b.viewScroll = (int) Math.max(0, Math.min(100_000L, (long) s.viewScroll + delta)));
        }
        if (s.view == View.DETAIL && s.detail != null) {
            long v = Math.max(0, Math.min(100_000L, (long) s.detail.scroll() + delta));
            return s.with(b -> b.detail = s.detail.scrolled((int) v));
        }
        List<ComponentRow> v = s.visibleRows();
        if (v.isEmpty()) return s;
        long target = Math.max(0, Math.min(v.size() - 1, (long) s.selectedIndex() + delta));
        String id = v.get((int) target).globalId();
        return clamp(s.with(b -> b.selectedId = id));
    }

    /** Rows of log text the screen shows now: the pane, or the table's room when the pane is hidden. */
    static int logsHeight(UiState s) {
        Layout l = s.layout();
        return (l.logs().isEmpty() ? l.table().h() : l.logs().h()) - 1;
    }

    /** Keeps the selection on a visible row and the scroll offset such that it is on screen. */
    static UiState clamp(UiState s) {
        List<ComponentRow> v = s.visibleRows();
        int h = s.layout().tableRows();
        int sel = s.selectedIndex();
        String id = v.isEmpty() ? s.selectedId : v.get(sel).globalId();
        int top = Math.max(0, Math.min(s.top, Math.max(0, v.size() - h)));
        if (sel < top) top = sel;
        if (sel >= top + h) top = sel - h + 1;
        int t = top;
        if (t == s.top && java.util.Objects.equals(id, s.selectedId)) return s;
        return s.with(b -> { b.top = t; b.selectedId = id; });
    }

    private static Step open(UiState s) {
        ComponentRow r = s.selectedRow();
        if (r == null) return Step.of(s);
        return Step.of(s.with(b -> {
            b.view = View.DETAIL;
            b.detail = new Detail(r.globalId(), null, null, 0);
        }), new Command.LoadDetail(r.globalId()));
    }

    /** The pipeline and problems views open over the table and close with the same key. */
    private static UiState toggleView(UiState s, View v) {
        if (s.view == v) return s.with(b -> b.view = View.TABLE);
        return s.with(b -> { b.view = v; b.viewScroll = 0; b.detail = null; b.helpOpen = false; });
    }

    private static UiState back(UiState s) {
        if (s.helpOpen) return s.with(b -> b.helpOpen = false);
        if (s.view == View.DETAIL) return s.with(b -> { b.view = View.TABLE; b.detail = null; });
        if (s.view == View.PIPELINE || s.view == View.PROBLEMS) return s.with(b -> b.view = View.TABLE);
        if (s.focus == Pane.LOGS) return s.with(b -> b.focus = Pane.COMPONENTS);
        if (!s.filter.isEmpty()) return clamp(s.with(b -> b.filter = ""));
        return s;
    }

    private static Step onInput(UiState s, Key k) {
        InputLine in = s.input;
        boolean filter = in.mode() == InputLine.Mode.FILTER;
        boolean search = in.mode() == InputLine.Mode.LOGS_SEARCH;
        if (search && (k.kind() == Kind.ESC || (k.ctrl() && k.ch() == 'c'))) return Step.of(LogsUpdate.search(s.with(b -> b.input = null), ""));
        if (search && k.kind() == Kind.ENTER) return LogsUpdate.searchDone(s.with(b -> b.input = null), in.text());
        if (k.kind() == Kind.ESC || (k.ctrl() && k.ch() == 'c')) {
            return Step.of(clamp(s.with(b -> {
                b.input = null;
                if (filter) b.filter = "";
            })));
        }
        if (k.kind() == Kind.ENTER) {
            if (filter) return Step.of(clamp(s.with(b -> { b.input = null; b.filter = in.text().trim(); })));
            String cmd = in.text().trim();
            UiState closed = s.with(b -> {
                b.input = null;
                if (!cmd.isEmpty()) {
                    List<String> h = new ArrayList<>(s.commandHistory);
                    h.remove(cmd);
                    h.add(cmd);
                    if (h.size() > 100) h.remove(0);
                    b.commandHistory = h;
                }
            });
            return cmd.isEmpty() ? Step.of(closed) : runCommand(closed, cmd);
        }
        InputLine next;
        switch (k.kind()) {
            case BACKSPACE:
                if (in.text().isEmpty()) return Step.of(s.with(b -> b.input = null));
                next = in.backspace();
                break;
            case DELETE: next = in.delete(); break;
            case LEFT: next = in.left(); break;
            case RIGHT: next = in.right(); break;
            case HOME: next = in.home(); break;
            case END: next = in.end(); break;
            case UP: next = filter || search ? in : in.older(s.commandHistory); break;
            case DOWN: next = filter || search ? in : in.newer(s.commandHistory); break;
            case TAB: {
                if (filter || search) return Step.of(s);
                List<String> cands = completions(s, in.text());
                next = in.complete(cands);
                String word = in.text().substring(in.text().lastIndexOf(' ') + 1);
                List<String> m = InputLine.matches(cands, word);
                if (m.size() > 1 && next.text().equals(in.text())) {
                    InputLine n2 = next;
                    return Step.of(say(s.with(b -> b.input = n2), String.join("  ", m)));
                }
                break;
            }
            case CHAR:
                if (k.ctrl() && k.ch() == 'u') next = in.killToStart();
                else if (k.ctrl() && k.ch() == 'a') next = in.home();
                else if (k.ctrl() && k.ch() == 'e') next = in.end();
                else if (k.isPrintable()) next = in.insert(k.ch());
                else next = in;
                break;
            default:
                next = in;
        }
        InputLine n = next;
        if (search) return Step.of(LogsUpdate.search(s.with(b -> b.input = n), n.text()));
        return Step.of(clamp(s.with(b -> {
            b.input = n;
            if (filter) b.filter = n.text().trim();
        })));
    }

    /** What Tab offers after the text typed so far. */
    public static List<String> completions(UiState s, String text) {
        int sp = text.indexOf(' ');
        if (sp < 0) return COMMANDS;
        String cmd = text.substring(0, sp);
        List<String> out = new ArrayList<>();
        switch (cmd) {
            case "sort":
                for (SortColumn c : SortColumn.values()) out.add(c.label());
                if (text.indexOf(' ', sp + 1) > 0) return List.of("asc", "desc");
                return out;
            case "theme": return s.themes.names();
            case "interval": return List.of("500ms", "1s", "2s", "5s", "10s", "30s");
            default: return List.of();
        }
    }

    static Step runCommand(UiState s, String line) {
        String[] w = line.split("\\s+");
        String arg = w.length > 1 ? line.substring(line.indexOf(' ') + 1).trim() : "";
        switch (w[0]) {
            case "q":
            case "quit":
            case "q!":
                return act(s, Action.QUIT);
            case "help": return act(s, Action.HELP);
            case "sort": {
                SortColumn c = w.length > 1 ? SortColumn.parse(w[1]) : null;
                if (c == null) return Step.of(say(s, "usage: :sort health|id|type|module|age|message [desc]"));
                boolean desc = w.length > 2 && w[2].startsWith("d");
                return Step.of(clamp(say(s.with(b -> b.sort = new Sort(c, desc)), "sorted by " + c.label() + (desc ? " (reversed)" : ""))));
            }
            case "theme": {
                Theme t = s.themes.byName(arg);
                if (t == null) return Step.of(say(s, "no theme `" + arg + "`; have: " + String.join(", ", s.themes.names())));
                return Step.of(say(s.with(b -> b.theme = t), "theme: " + t.name()));
            }
            case "interval": {
                Duration d = Durations.parse(arg);
                if (d == null) return Step.of(say(s, "usage: :interval 5s (500ms to 1m)"));
                return interval(s, d);
            }
            case "filter": return Step.of(clamp(s.with(b -> b.filter = arg)));
            default: return Step.of(say(s, "unknown command `" + w[0] + "`; try :sort, :theme, :interval, :q (Tab completes)"));
        }
    }
}
