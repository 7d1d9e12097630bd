package io.alloytop.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.model.Update;
import io.alloytop.ui.term.AnsiOutputTerminal;
import io.alloytop.ui.term.ColorProfile;
import io.alloytop.ui.theme.ThemeLoader;
import io.alloytop.ui.view.Renderer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Draws a throwaway frame to nowhere, on the spare core, while the command line is still being
 * parsed: the real first frame then finds the themes parsed and Lanterna's, the update's and the
 * views' classes loaded and initialised, instead of paying for that on the critical path of start-up.
 */
public final class UiWarmup {
    private UiWarmup() {}

    public static void run() {
        try {
            ThemeLoader.Themes themes = ThemeLoader.load(Map.of());
            Instant now = Instant.now();
            UiState s = UiState.initial("http://127.0.0.1:12345", false, Duration.ofSeconds(2), themes,
                    themes.defaultTheme(), false, now, 120, 40);
            s = Update.update(s, new Event.Resized(120, 40)).state();
            s = Update.update(s, new Event.Tick(now)).state();
            TerminalSize size = new TerminalSize(120, 40);
            AnsiOutputTerminal out = new AnsiOutputTerminal(OutputStream.nullOutputStream(), StandardCharsets.UTF_8,
                    ColorProfile.C256, () -> size);
            TerminalScreen screen = new TerminalScreen(out);
            screen.startScreen();
            Renderer.render(s, screen.newTextGraphics());
            screen.refresh(Screen.RefreshType.AUTOMATIC);
        } catch (Exception | LinkageError ignored) {
            // only ever a head start: the real frame does the same work itself
        }
    }
}
