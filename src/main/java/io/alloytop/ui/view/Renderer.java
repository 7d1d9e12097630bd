package io.alloytop.ui.view;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.alloytop.ui.model.Layout;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.model.UiState.Pane;
import io.alloytop.ui.model.UiState.View;
import io.alloytop.ui.theme.Element;
import java.util.EnumMap;
import java.util.Map;

/**
 * render(state) → screen cells. Pure: it reads the state and draws onto whatever TextGraphics it is
 * given (the real screen's back buffer, or a virtual one in tests); it never does I/O itself.
 */
public final class Renderer {
    /** A full view drawn in the body region; features register theirs (pipeline, profiles, problems). */
    public interface BodyView {
        void render(UiState s, Painter p, Rect body);
    }

    private static final Map<View, BodyView> VIEWS = new EnumMap<>(View.class);

    static {
        VIEWS.put(View.DETAIL, DetailView::render);
        VIEWS.put(View.PIPELINE, PipelineView::render);
        VIEWS.put(View.PROBLEMS, ProblemsPanel::render);
    }

    private Renderer() {}

    /** Draws the whole frame; returns where the cursor belongs, or null to hide it. */
    public static TerminalPosition render(UiState s, TextGraphics g) {
        Painter p = new Painter(g, s.theme, Glyphs.of(s.ascii));
        int cols = g.getSize().getColumns();
        int rows = g.getSize().getRows();
        Layout l = Layout.of(cols, rows, s.logs != null);
        if (l.tooSmall()) {
            p.fill(new Rect(0, 0, cols, rows), p.style(Element.BASE));
            tooSmall(p, cols, rows);
            return null;
        }
        // every region fills its own rectangle and together they cover the screen, so there is no
        // full-screen clear first (each cell written costs Lanterna a Unicode-block lookup)
        HeaderView.render(s, p, l.header());
        ResourceStrip.render(s, p, l.strip(), l.sparklines());
        BodyView view = VIEWS.get(s.view);
        if (view != null) {
            view.render(s, p, l.body());
        } else if (l.logs().isEmpty() && s.focus == Pane.LOGS) {
            LogsPane.render(s, p, l.table(), true);
        } else {
            ComponentsTable.render(s, p, l.table(), s.focus == Pane.COMPONENTS);
            LogsPane.render(s, p, l.logs(), s.focus == Pane.LOGS);
        }
        if (s.helpOpen) HelpOverlay.render(s, p, new Rect(0, 0, cols, rows - 1));
        return Footer.render(s, p, l.footer());
    }

    private static void tooSmall(Painter p, int cols, int rows) {
        String[] msg = {"alloytop needs at least " + Layout.MIN_COLS + "x" + Layout.MIN_ROWS,
                "this terminal is " + cols + "x" + rows, "(q quits)"};
        int y0 = Math.max(0, rows / 2 - 1);
        for (int i = 0; i < msg.length && y0 + i < rows; i++) {
            String m = msg[i];
            int x = Math.max(0, (cols - m.length()) / 2);
            p.put(x, y0 + i, m, p.style(i == 0 ? Element.WARN : Element.BASE), cols - x);
        }
    }
}
