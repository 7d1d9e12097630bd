package io.alloytop.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.IdlePool;
import io.alloytop.alloy.Result;
import io.alloytop.logs.LogBuffer;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogSink;
import io.alloytop.ui.model.Command;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.Update;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.term.AnsiOutputTerminal;
import io.alloytop.ui.term.KeyDecoder;
import io.alloytop.ui.term.TerminalSession;
import io.alloytop.ui.term.TtyInput;
import io.alloytop.ui.view.Renderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal.Signal;

/**
 * The running monitor: one UI thread (the caller's) takes events from one queue, applies the pure
 * update, runs the effects it asks for on other threads, and renders at most ~30 frames a second.
 */
public final class MonitorApp {
    static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(33);

    private final TerminalSession session;
    private final AnsiOutputTerminal out;
    private final MonitorBackend backend;
    private final Clock clock;
    private final boolean mouse;
    private final LogFeed logFeed;
    private final java.util.concurrent.atomic.AtomicBoolean logsPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final ExecutorService effects = Executors.newSingleThreadExecutor(IdlePool.daemon("alloytop-effects"));
    /** Coalesces log-arrival notices (see {@link #startLogs()}); the clock itself is the UI loop's. */
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(IdlePool.daemon("alloytop-logs-notice"));
    private volatile boolean stopping;
    /** Set by a key or resize since the last frame: draw without waiting for the frame interval. */
    private boolean urgent;

    /** Profile and forwarding effects (`p`, `f`); answers go straight onto the event queue. */
    private final ActionEffects actions;

    MonitorApp(TerminalSession session, AnsiOutputTerminal out, MonitorBackend backend, Clock clock, boolean mouse, LogFeed logFeed) {
        this(session, out, backend, clock, mouse, logFeed, null);
    }

    MonitorApp(TerminalSession session, AnsiOutputTerminal out, MonitorBackend backend, Clock clock, boolean mouse, LogFeed logFeed,
               ActionBackend actionBackend) {
        this.actions = new ActionEffects(actionBackend, queue::offer);
        this.logFeed = logFeed;
        this.session = session;
        this.out = out;
        this.backend = backend;
        this.clock = clock;
        this.mouse = mouse;
    }

    /** Restores the terminal, then prints; safe from any thread, at most once effectively. */
    void restore() {
        stopping = true;
        out.shutdown();
        session.restore();
    }

    int run(UiState initial, PrintStream err) throws IOException {
        TerminalScreen screen = new TerminalScreen(out);
        screen.startScreen();
        screen.setCursorPosition(null);
        if (mouse) out.raw("\033[?1000h\033[?1006h");
        // ask whether synchronized output (mode 2026) is supported; the answer arrives as input
        out.raw("\033[?2026$p");
        out.flush();

        session.onSignal(Signal.WINCH, () -> {
            Size s = session.size();
            queue.offer(new Event.Resized(s.getColumns(), s.getRows()));
        });
        session.onSignal(Signal.INT, () -> queue.offer(new Event.Shutdown("interrupted")));
        Thread input = new Thread(this::readInput, "alloytop-input");
        input.setDaemon(true);
        input.start();

        TerminalSize ts = screen.getTerminalSize();
        UiState state = Update.update(initial, new Event.Resized(ts.getColumns(), ts.getRows())).state();
        for (String e : initial.themes.errors()) state = Update.say(state, e);
        // the frame goes up before the sources start: they cost a cold JVM tens of milliseconds, and
        // the first poll's answer is drawn as it arrives either way
        render(screen, state);
        UiState drawn = state;
        long lastFrame = System.nanoTime();
        backend.startObserved(o -> queue.offer(new Event.Observed(o)));
        startLogs();
        actions.start();
        try {
            while (!state.quitting && !stopping) {
                if (state != drawn) {
                    // data frames are coalesced to ~30/s; a key or resize is drawn at once so typing never waits
                    long wait = urgent ? 0 : lastFrame + FRAME_NANOS - System.nanoTime();
                    Event e = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (e == null) {
                        render(screen, state);
                        drawn = state;
                        urgent = false;
                        lastFrame = System.nanoTime();
                        continue;
                    }
                    state = apply(state, e);
                } else {
                    // the clock is an event too, but only when the state needs it (Update.nextTick)
                    long ms = Math.max(1, Update.nextTick(state).toEpochMilli() - clock.millis());
                    Event e = queue.poll(ms, TimeUnit.MILLISECONDS);
                    state = apply(state, e != null ? e : new Event.Tick(clock.instant()));
                }
                Event more;
                while (!state.quitting && (more = queue.poll()) != null) state = apply(state, more);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            ticker.shutdownNow();
            effects.shutdownNow();
            if (!out.broken()) {
                try {
                    screen.stopScreen(false);
                } catch (IOException | RuntimeException ignored) {
                    // restore() below resets the terminal regardless
                }
            }
            restore();
            closeQuietly();
        }
        return 0;
    }

    /**
     * The source appends to a bounded ring on its own thread; the UI hears about it at most every
     * {@value #LOGS_COALESCE_MS} ms with an immutable snapshot, so a burst of log lines cannot flood
     * the event queue. (100 ms here gave 125 ms median frame gaps under a 50k lines/s burst: the
     * budget is frames at most 100 ms apart; each update costs O(new lines), ~2,000 at this rate.)
     */
    static final long LOGS_COALESCE_MS = 40;

    private void startLogs() {
        if (logFeed == null || logFeed.source() == null) return;
        LogBuffer buffer = new LogBuffer(logFeed.ring());
        queue.offer(new Event.LogsChanged(buffer.snapshot()));
        queue.offer(new Event.LogStatus(logFeed.source().describe(), false));
        logFeed.source().start(new LogSink() {
            @Override
            public void entries(List<LogEntry> batch) {
                buffer.append(batch);
                if (logsPending.compareAndSet(false, true)) {
                    ticker.schedule(() -> {
                        logsPending.set(false);
                        queue.offer(new Event.LogsChanged(buffer.snapshot()));
                    }, LOGS_COALESCE_MS, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void status(String message, boolean error) {
                queue.offer(new Event.LogStatus(message, error));
            }

            @Override
            public void finished() {
                queue.offer(new Event.LogStatus("log source ended", false));
            }
        });
    }

    private void closeQuietly() {
        Thread t = new Thread(() -> {
            try {
                actions.close();
                if (logFeed != null && logFeed.source() != null) logFeed.source().close();
                backend.close();
            } catch (RuntimeException ignored) {
                // we are leaving; a backend that fails to close cannot matter now
            }
        }, "alloytop-close");
        t.setDaemon(true);
        t.start();
        try {
            t.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UiState apply(UiState s, Event e) {
        if (e instanceof Event.Resized r) out.resized(new TerminalSize(r.columns(), r.rows()));
        if (e instanceof Event.KeyPressed || e instanceof Event.Resized) urgent = true;
        Update.Step step = Update.update(s, e);
        for (Command c : step.commands()) execute(c);
        return step.state();
    }

    private void execute(Command c) {
        if (c instanceof Command.RefreshNow) {
            effects.execute(backend::refreshNow);
        } else if (c instanceof Command.SetInterval si) {
            effects.execute(() -> backend.setInterval(si.interval()));
        } else if (c instanceof Command.LoadDetail ld) {
            effects.execute(() -> {
                Result<Component> r;
                try {
                    r = backend.component(ld.globalId());
                } catch (RuntimeException ex) {
                    r = Result.err(Failure.Kind.IO, String.valueOf(ex.getMessage()));
                }
                queue.offer(new Event.DetailLoaded(ld.globalId(), r));
            });
        } else if (actions.handles(c)) {
            actions.execute(c);
        } else if (c instanceof Command.CopyToClipboard cp) {
            String b64 = Base64.getEncoder().encodeToString(cp.text().getBytes(StandardCharsets.UTF_8));
            out.raw("\033]52;c;" + b64 + "\007");
        }
    }

    private void render(TerminalScreen screen, UiState s) {
        try {
            screen.doResizeIfNecessary();
            TerminalPosition cursor = Renderer.render(s, screen.newTextGraphics());
            screen.setCursorPosition(cursor);
            screen.refresh(Screen.RefreshType.AUTOMATIC);
        } catch (IOException e) {
            queue.offer(new Event.Shutdown("terminal write failed"));
        }
    }

    private void readInput() {
        KeyDecoder dec = new KeyDecoder(new TtyInput(session.jline().encoding()), 40);
        try {
            while (!stopping) {
                KeyDecoder.Decoded d = dec.next(TtyInput.BLOCK);
                if (d == null) continue;
                if (d instanceof KeyDecoder.Decoded.Pressed p) queue.offer(new Event.KeyPressed(p.key()));
                else if (d instanceof KeyDecoder.Decoded.SyncOutputReport r) out.setSynchronizedOutput(r.supported());
                else if (d instanceof KeyDecoder.Decoded.End) {
                    queue.offer(new Event.Shutdown("terminal closed"));
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!stopping) queue.offer(new Event.Shutdown("terminal input failed"));
        }
    }

}
