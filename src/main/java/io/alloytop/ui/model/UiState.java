package io.alloytop.ui.model;

import io.alloytop.logs.LogView;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.problems.FlowReport;
import io.alloytop.ui.theme.Theme;
import io.alloytop.ui.theme.ThemeLoader.Themes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything the screen shows, immutable. Only the UI thread replaces it (through {@link Update});
 * render reads it and nothing else. Change a field with {@code state.with(b -> b.field = x)}.
 */
public final class UiState {
    /** Which full view is up; features add views here (pipeline, profile, problems). */
    public enum View { TABLE, DETAIL, PIPELINE, PROBLEMS }

    public enum Pane { COMPONENTS, LOGS }

    public record Sort(SortColumn column, boolean reversed) {
        public static final Sort DEFAULT = new Sort(SortColumn.HEALTH, false);
    }

    public final Instant now;
    public final String target;
    public final boolean insecure;
    public final AlloySnapshot snapshot;
    public final List<ComponentRow> allRows;
    public final Map<String, List<HealthChange>> history;
    public final Duration interval;
    public final View view;
    public final boolean helpOpen;
    public final int helpScroll;
    public final Pane focus;
    public final Sort sort;
    public final String filter;
    public final InputLine input;
    public final List<String> commandHistory;
    public final String selectedId;
    public final int top;
    public final Detail detail;
    public final Themes themes;
    public final Theme theme;
    public final boolean ascii;
    public final int cols;
    public final int rows;
    public final String message;
    public final Instant messageUntil;
    /** Null when there is no log source; {@link #logsNote} then says why. */
    public final LogView logs;
    public final String logsNote;
    /** First row shown while the logs are paused (following shows the tail). */
    public final int logsTop;
    public final boolean quitting;
    public final Keymap keymap;
    /** The detector's verdict over the latest snapshot (flows and problems); EMPTY until the first one. */
    public final FlowReport flows;
    /** First line shown by the pipeline and problems views. */
    public final int viewScroll;

    private List<ComponentRow> visible;

    private UiState(Builder b) {
        now = b.now;
        target = b.target;
        insecure = b.insecure;
        snapshot = b.snapshot;
        allRows = List.copyOf(b.allRows);
        history = Map.copyOf(b.history);
        interval = b.interval;
        view = b.view;
        helpOpen = b.helpOpen;
        helpScroll = b.helpScroll;
        focus = b.focus;
        sort = b.sort;
        filter = b.filter;
        input = b.input;
        commandHistory = List.copyOf(b.commandHistory);
        selectedId = b.selectedId;
        top = b.top;
        detail = b.detail;
        themes = b.themes;
        theme = b.theme;
        ascii = b.ascii;
        cols = b.cols;
        rows = b.rows;
        message = b.message;
        messageUntil = b.messageUntil;
        logs = b.logs;
        logsNote = b.logsNote;
        logsTop = b.logsTop;
        quitting = b.quitting;
        keymap = b.keymap;
        flows = b.flows;
        viewScroll = b.viewScroll;
        // rows are derived from fields that did not change: share them instead of re-sorting
        if (b.visibleFrom != null && b.visibleFrom.allRows == b.allRows && b.visibleFrom.sort.equals(b.sort)
                && b.visibleFrom.filter.equals(b.filter) && b.visibleFrom.flows == b.flows) {
            visible = b.visibleFrom.visible;
        }
    }

    public static UiState initial(String target, boolean insecure, Duration interval, Themes themes, Theme theme,
                                  boolean ascii, Instant now, int cols, int rows) {
        Builder b = new Builder();
        b.target = target;
        b.insecure = insecure;
        b.interval = interval;
        b.themes = themes;
        b.theme = theme;
        b.ascii = ascii;
        b.now = now;
        b.cols = cols;
        b.rows = rows;
        return new UiState(b);
    }

    public UiState with(java.util.function.Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return new UiState(b);
    }

    public Layout layout() {
        return Layout.of(cols, rows, logs != null);
    }

    /** The rows the table shows, filtered and sorted; computed once per state. */
    public List<ComponentRow> visibleRows() {
        List<ComponentRow> v = visible;
        if (v == null) {
            Comparator<ComponentRow> cmp = sort.column().comparator(flows);
            if (sort.reversed()) cmp = cmp.reversed();
            List<ComponentRow> out = new ArrayList<>();
            var pred = RowFilter.parse(filter);
            for (ComponentRow r : allRows) if (pred.test(r)) out.add(r);
            out.sort(cmp);
            v = Collections.unmodifiableList(out);
            visible = v;
        }
        return v;
    }

    /** Index of the selection in {@link #visibleRows()}, 0 when the selected row is filtered out. */
    public int selectedIndex() {
        List<ComponentRow> v = visibleRows();
        if (selectedId != null) {
            for (int i = 0; i < v.size(); i++) if (v.get(i).globalId().equals(selectedId)) return i;
        }
        return 0;
    }

    public ComponentRow selectedRow() {
        List<ComponentRow> v = visibleRows();
        return v.isEmpty() ? null : v.get(selectedIndex());
    }

    public Keymap.Scope scope() {
        if (helpOpen) return Keymap.Scope.HELP;
        if (view == View.DETAIL) return Keymap.Scope.DETAIL;
        if (view != View.TABLE) return Keymap.Scope.VIEW;
        return focus == Pane.LOGS ? Keymap.Scope.LOGS : Keymap.Scope.TABLE;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.now = now;
        b.target = target;
        b.insecure = insecure;
        b.snapshot = snapshot;
        b.allRows = allRows;
        b.history = history;
        b.interval = interval;
        b.view = view;
        b.helpOpen = helpOpen;
        b.helpScroll = helpScroll;
        b.focus = focus;
        b.sort = sort;
        b.filter = filter;
        b.input = input;
        b.commandHistory = commandHistory;
        b.selectedId = selectedId;
        b.top = top;
        b.detail = detail;
        b.themes = themes;
        b.theme = theme;
        b.ascii = ascii;
        b.cols = cols;
        b.rows = rows;
        b.message = message;
        b.messageUntil = messageUntil;
        b.logs = logs;
        b.logsNote = logsNote;
        b.logsTop = logsTop;
        b.quitting = quitting;
        b.keymap = keymap;
        b.flows = flows;
        b.viewScroll = viewScroll;
        b.visibleFrom = this;
        return b;
    }

    /** Mutable only inside {@link #with}. */
    public static final class Builder {
        public Instant now = Instant.EPOCH;
        public String target = "";
        public boolean insecure;
        public AlloySnapshot snapshot;
        public List<ComponentRow> allRows = List.of();
        public Map<String, List<HealthChange>> history = Map.of();
        public Duration interval = Duration.ofSeconds(2);
        public View view = View.TABLE;
        public boolean helpOpen;
        public int helpScroll;
        public Pane focus = Pane.COMPONENTS;
        public Sort sort = Sort.DEFAULT;
        public String filter = "";
        public InputLine input;
        public List<String> commandHistory = List.of();
        public String selectedId;
        public int top;
        public Detail detail;
        public Themes themes;
        public Theme theme;
        public boolean ascii;
        public int cols = 80;
        public int rows = 24;
        public String message;
        public Instant messageUntil;
        public LogView logs;
        public String logsNote;
        public int logsTop;
        public boolean quitting;
        public Keymap keymap = Keymap.defaults();
        public FlowReport flows = FlowReport.EMPTY;
        public int viewScroll;
        UiState visibleFrom;

        private Builder() {}
    }
}
