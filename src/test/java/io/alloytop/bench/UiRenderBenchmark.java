package io.alloytop.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import io.alloytop.ui.Samples;
import io.alloytop.ui.States;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Key;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.model.Update;
import io.alloytop.ui.term.AnsiOutputTerminal;
import io.alloytop.ui.term.ColorProfile;
import io.alloytop.ui.view.Renderer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The UI's per-frame costs with 600 components at 120x40:
 * renderFrame    — render() into the screen buffer plus Lanterna's diff and our ANSI encoding;
 * snapshotUpdate — a new snapshot through update() (rows, history, re-sort on the next render);
 * keyToFrame     — a key press through update() and a full frame, i.e. the CPU part of key latency.
 * Run: java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main UiRenderBenchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UiRenderBenchmark {
    private TerminalScreen screen;
    private UiState a;
    private UiState b;
    private Event.SnapshotArrived next;
    private boolean flip;

    @Setup
    public void setup() throws Exception {
        AnsiOutputTerminal t = new AnsiOutputTerminal(OutputStream.nullOutputStream(), StandardCharsets.UTF_8,
                ColorProfile.C256, () -> new TerminalSize(120, 40));
        screen = new TerminalScreen(t);
        screen.startScreen();
        a = States.with(Samples.ok(Samples.many(600, 1), Samples.T0), 120, 40);
        b = States.apply(a, new Event.SnapshotArrived(Samples.ok(Samples.many(600, 2), Samples.T0.plusSeconds(1))));
        next = new Event.SnapshotArrived(Samples.ok(Samples.many(600, 3), Samples.T0.plusSeconds(2)));
    }

    @Benchmark
    public void renderFrame() throws Exception {
        flip = !flip;
        UiState s = flip ? a.with(x -> { }) : b.with(x -> { });
        Renderer.render(s, screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.AUTOMATIC);
    }

    @Benchmark
    public UiState snapshotUpdate() {
        UiState s = Update.update(a, next).state();
        s.visibleRows();
        return s;
    }

    @Benchmark
    public void keyToFrame() throws Exception {
        flip = !flip;
        UiState s = Update.update(a, new Event.KeyPressed(Key.ch(flip ? 'j' : 'k'))).state();
        Renderer.render(s, screen.newTextGraphics());
        screen.refresh(Screen.RefreshType.AUTOMATIC);
    }
}
