package io.alloytop.ui;

import io.alloytop.poll.AlloySnapshot;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.Update;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.ThemeLoader;
import java.time.Duration;
import java.util.Map;

/** Builds UI states the way the running app does: an initial state plus events through update(). */
public final class States {
    public static final ThemeLoader.Themes THEMES = ThemeLoader.load(Map.of("XDG_CONFIG_HOME", "/nonexistent"));

    private States() {}

    public static UiState initial(int cols, int rows) {
        return UiState.initial("http://127.0.0.1:12345", false, Duration.ofSeconds(2), THEMES, THEMES.defaultTheme(), false,
                Samples.T0, cols, rows);
    }

    public static UiState with(AlloySnapshot snap, int cols, int rows) {
        return apply(initial(cols, rows), new Event.SnapshotArrived(snap));
    }

    public static UiState apply(UiState s, Event... events) {
        for (Event e : events) s = Update.update(s, e).state();
        return s;
    }

    public static UiState keys(UiState s, Key... keys) {
        for (Key k : keys) s = Update.update(s, new Event.KeyPressed(k)).state();
        return s;
    }

    public static UiState type(UiState s, String text) {
        for (char c : text.toCharArray()) s = Update.update(s, new Event.KeyPressed(Key.ch(c))).state();
        return s;
    }
}
