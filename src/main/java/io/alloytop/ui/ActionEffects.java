package io.alloytop.ui;

import io.alloytop.alloy.IdlePool;
import io.alloytop.alloy.Result;
import io.alloytop.forward.CloudSettings;
import io.alloytop.forward.EnvNames;
import io.alloytop.forward.FileChange;
import io.alloytop.forward.ForwardPlan;
import io.alloytop.forward.ForwardRunner;
import io.alloytop.forward.ForwardSession;
import io.alloytop.forward.ForwardStatus;
import io.alloytop.forward.ForwardText;
import io.alloytop.forward.HttpPreflight;
import io.alloytop.forward.PreflightResult;
import io.alloytop.forward.Redactor;
import io.alloytop.forward.Signal;
import io.alloytop.forward.SignalStatus;
import io.alloytop.pprof.CaptureEvent;
import io.alloytop.pprof.CapturedProfile;
import io.alloytop.pprof.ProfileCapture;
import io.alloytop.pprof.ProfileData;
import io.alloytop.pprof.ProfileReader;
import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.SavedProfile;
import io.alloytop.ui.model.Command;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.ForwardEffect;
import io.alloytop.ui.model.ForwardEvent;
import io.alloytop.ui.model.ProfileEffect;
import io.alloytop.ui.model.ProfileEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the profile and forwarding effects on their own threads and answers with immutable events.
 * The prepared forward plan (which holds the API key inside its CloudSettings) stays here, never
 * in the UI state; it is dropped when the user says no or the run ends.
 */
public final class ActionEffects implements AutoCloseable {
    static final Duration STATUS_EVERY = Duration.ofSeconds(30);
    static final Duration STATUS_WINDOW = Duration.ofSeconds(2);
    private static final String NO_BACKEND = "not available in this session";

    private final ActionBackend backend;
    private final Consumer<Event> sink;
    private final ExecutorService work = Executors.newCachedThreadPool(IdlePool.daemon("alloytop-actions"));
    private final ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(IdlePool.daemon("alloytop-fwd-status"));
    private final AtomicReference<ProfileCapture> capture = new AtomicReference<>();
    private final AtomicLong cancelledUpTo = new AtomicLong(Long.MIN_VALUE);
    private final AtomicBoolean statusRunning = new AtomicBoolean();
    private final Object lock = new Object();
    private long preparedId = -1; // guarded by lock
    private ForwardSession.Prepared prepared; // guarded by lock
    private ForwardSession preparedSession; // guarded by lock

    public ActionEffects(ActionBackend backend, Consumer<Event> sink) {
        this.backend = backend;
        this.sink = sink;
    }

    /** Starts the header's forwarding status, refreshed every 30 s (never per frame). */
    public void start() {
        if (backend == null || backend.forwardUnavailable() != null) return;
        status.scheduleWithFixedDelay(this::refreshStatus, 0, STATUS_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    public boolean handles(Command c) {
        return c instanceof Command.Profile || c instanceof Command.Forward;
    }

    public void execute(Command c) {
        if (c instanceof Command.Profile p) profile(p.effect());
        else if (c instanceof Command.Forward f) forward(f.effect());
    }

    // ---- profiles

    private void profile(ProfileEffect e) {
        if (e instanceof ProfileEffect.Cancel cancel) {
            // the capture may still be starting on a worker: it checks this id once it exists
            cancelledUpTo.accumulateAndGet(cancel.id(), Math::max);
            ProfileCapture c = capture.getAndSet(null);
            if (c != null) c.cancel();
            return;
        }
        ProfileEffect.Start st = (ProfileEffect.Start) e;
        if (backend == null) {
            sink.accept(new Event.Profile(new ProfileEvent.Failed(st.id(), "profiles are " + NO_BACKEND)));
            return;
        }
        work.execute(() -> {
            ProfileCapture previous = capture.getAndSet(null);
            if (previous != null) previous.cancel();
            try {
                ProfileCapture c = backend.capture(st.type(), st.seconds(), ev -> {
                    if (ev instanceof CaptureEvent.Progress pr) {
                        sink.accept(new Event.Profile(new ProfileEvent.Progress(st.id(), pr.elapsed(), pr.total())));
                    } else if (ev instanceof CaptureEvent.Finished f) {
                        // the listener must not block: saving and decoding happen on a worker
                        try {
                            work.execute(() -> finishSafely(st.id(), f.result()));
                        } catch (RejectedExecutionException closing) {
                            // the monitor is shutting down: nobody is waiting for this profile
                        }
                    }
                });
                capture.set(c);
                if (cancelledUpTo.get() >= st.id()) {
                    capture.compareAndSet(c, null);
                    c.cancel();
                }
            } catch (RuntimeException ex) {
                sink.accept(new Event.Profile(new ProfileEvent.Failed(st.id(), "the capture did not start: " + ex.getMessage())));
            }
        });
    }

    /** A decoder bug must become a message in the view, not an uncaught exception (which ends the monitor). */
    private void finishSafely(long id, Result<CapturedProfile> r) {
        try {
            finish(id, r);
        } catch (RuntimeException | OutOfMemoryError ex) {
            sink.accept(new Event.Profile(new ProfileEvent.Failed(id, "the profile could not be read: " + ex)));
        }
    }

    void finish(long id, Result<CapturedProfile> r) {
        capture.updateAndGet(c -> c != null && c.isDone() ? null : c);
        if (!r.isOk()) {
            sink.accept(new Event.Profile(new ProfileEvent.Failed(id, r.failureOrNull().message())));
            return;
        }
        CapturedProfile p = r.orNull();
        Result<SavedProfile> saved = backend.store().save(p);
        if (!saved.isOk()) {
            sink.accept(new Event.Profile(new ProfileEvent.Failed(id, saved.failureOrNull().message())));
            return;
        }
        SavedProfile s = saved.orNull();
        String path = s.path().toString();
        if (!p.type().decodable()) {
            sink.accept(new Event.Profile(new ProfileEvent.Done(id, path, s.size(), List.of(), 0,
                    "a Go execution trace: open it with `go tool trace " + path + "`")));
            return;
        }
        Result<ProfileData> data = ProfileReader.read(p);
        if (!data.isOk()) {
            sink.accept(new Event.Profile(new ProfileEvent.Done(id, path, s.size(), List.of(), 0,
                    "saved, but it cannot be read: " + data.failureOrNull().message())));
            return;
        }
        sink.accept(new Event.Profile(summaries(id, path, s.size(), data.orNull())));
    }

    /** Every sample type's table up front, so switching types in the view is instant and update stays pure. */
    static ProfileEvent.Done summaries(long id, String path, long size, ProfileData d) {
        List<ProfileSummary> all = new ArrayList<>();
        for (int i = 0; i < d.sampleTypes().size(); i++) all.add(d.summary(i));
        int def = d.sampleTypes().isEmpty() ? 0 : d.sampleIndex("");
        return new ProfileEvent.Done(id, path, size, all, def, all.isEmpty() ? "the profile has no sample types" : null);
    }

    // ---- forwarding

    private void forward(ForwardEffect e) {
        if (e instanceof ForwardEffect.RefreshStatus) {
            if (backend != null && backend.forwardUnavailable() == null) work.execute(this::refreshStatus);
            return;
        }
        if (e instanceof ForwardEffect.Discard d) {
            synchronized (lock) {
                if (preparedId == d.id()) drop();
            }
            return;
        }
        if (backend == null) {
            long id = e instanceof ForwardEffect.Begin b ? b.id() : -1;
            sink.accept(new Event.Forward(new ForwardEvent.Unavailable(id, "forwarding is " + NO_BACKEND)));
            return;
        }
        if (e instanceof ForwardEffect.Begin b) work.execute(() -> guarded(b.id(), () -> begin(b.id())));
        else if (e instanceof ForwardEffect.PrepareWithKey k) {
            String key = k.key().reveal();
            work.execute(() -> guarded(k.id(), () -> plan(k.id(), k.action(), Map.of(EnvNames.API_KEY, key))));
        } else if (e instanceof ForwardEffect.Execute x) work.execute(() -> run(x.id()));
    }

    /** An unexpected exception must end the dialog's "checking", not leave it waiting forever. */
    private void guarded(long id, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ex) {
            unavailable(id, "forwarding failed unexpectedly: " + ex.getClass().getSimpleName());
        }
    }

    private void begin(long id) {
        String why = backend.forwardUnavailable();
        if (why != null) {
            unavailable(id, why);
            return;
        }
        ForwardSession session = backend.forwardSession(Map.of());
        Result<Boolean> on = session.isOn(backend.configPath());
        if (!on.isOk()) {
            unavailable(id, on.failureOrNull().message());
            return;
        }
        ForwardPlan.Action action = on.orNull() ? ForwardPlan.Action.OFF : ForwardPlan.Action.ON;
        if (action == ForwardPlan.Action.ON) {
            List<String> missing = CloudSettings.fromEnv(backend.env()).missing(backend.signals());
            List<String> others = new ArrayList<>(missing);
            others.remove(EnvNames.API_KEY);
            if (!others.isEmpty()) {
                unavailable(id, "missing Grafana Cloud settings: " + String.join(", ", others)
                        + "\nset them in alloytop's environment (Grafana Cloud's Alloy onboarding shows the values) and press f again");
                return;
            }
            if (missing.contains(EnvNames.API_KEY)) {
                Path p = backend.configPath();
                sink.accept(new Event.Forward(new ForwardEvent.NeedsKey(id, action, p == null ? null : p.toString())));
                return;
            }
        }
        plan(id, action, Map.of());
    }

    private void plan(long id, ForwardPlan.Action action, Map<String, String> extra) {
        ForwardSession session = backend.forwardSession(extra);
        ForwardSession.Options o = new ForwardSession.Options(backend.signals(), backend.configPath(), false, null);
        Result<ForwardSession.Prepared> r;
        try {
            r = session.prepare(action, o);
        } catch (RuntimeException ex) {
            r = Result.err(io.alloytop.alloy.Failure.Kind.IO, String.valueOf(ex.getMessage()));
        }
        Redactor red = new Redactor(extra.values().stream().toList());
        if (!r.isOk()) {
            unavailable(id, red.scrub(r.failureOrNull().message()));
            return;
        }
        ForwardSession.Prepared p = r.orNull();
        Redactor scrub = new Redactor(p.cloud().secrets());
        List<String> lines = describe(p.plan());
        List<String> pre = new ArrayList<>();
        boolean preOk = true;
        if (action == ForwardPlan.Action.ON && !p.plan().nothingToDo()) {
            try {
                Map<Signal, PreflightResult> res = new HttpPreflight(p.cloud(), Duration.ofSeconds(10)).check(p.plan().signals());
                for (Map.Entry<Signal, PreflightResult> en : res.entrySet()) {
                    PreflightResult pr = en.getValue();
                    preOk &= pr.ok();
                    pre.add(en.getKey().label() + ": " + (pr.ok() ? "ok" : pr.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                            + (pr.message() == null || pr.message().isEmpty() || pr.ok() ? "" : " (" + pr.message() + ")"));
                }
            } catch (RuntimeException ex) {
                preOk = false;
                pre.add("pre-flight could not run: " + ex.getMessage());
            }
        }
        synchronized (lock) {
            drop();
            preparedId = id;
            prepared = p;
            preparedSession = session;
        }
        sink.accept(new Event.Forward(new ForwardEvent.Planned(id, action,
                scrub.scrub(p.plan().location().path().toString()),
                lines.stream().map(scrub::scrub).toList(), pre.stream().map(scrub::scrub).toList(), preOk,
                p.plan().nothingToDo())));
    }

    /** The plan as the dialog shows it: where, what, how many lines change, notes, then the diff. */
    static List<String> describe(ForwardPlan plan) {
        List<String> out = new ArrayList<>();
        out.add("config: " + plan.location().path() + " (" + plan.location().foundBy() + ")");
        out.add("signals: " + String.join(", ", plan.signals().stream().sorted().map(Signal::label).toList()));
        int files = 0;
        for (FileChange c : plan.changes()) if (c.changes()) files++;
        String diff = plan.diff();
        int plus = 0;
        int minus = 0;
        List<String> diffLines = diff.isEmpty() ? List.of() : List.of(diff.split("\n"));
        for (String l : diffLines) {
            if (l.startsWith("+") && !l.startsWith("+++")) plus++;
            else if (l.startsWith("-") && !l.startsWith("---")) minus++;
        }
        out.add(plan.nothingToDo() ? "change: none (already " + (plan.action() == ForwardPlan.Action.ON ? "on" : "off") + ")"
                : "change: " + files + (files == 1 ? " file" : " files") + ", +" + plus + " -" + minus + " lines");
        for (String n : plan.notes()) for (String l : n.split("\n")) out.add("# " + l);
        if (!diffLines.isEmpty()) {
            out.add("diff:");
            out.addAll(diffLines);
        }
        return out;
    }

    private void run(long id) {
        ForwardSession.Prepared p;
        ForwardSession session;
        synchronized (lock) {
            if (preparedId != id || prepared == null) {
                sink.accept(new Event.Forward(new ForwardEvent.Finished(id, false, false, "the plan is gone; press f again")));
                return;
            }
            p = prepared;
            session = preparedSession;
            drop();
        }
        ForwardRunner.Outcome o;
        try {
            o = session.execute(p, step -> sink.accept(new Event.Forward(new ForwardEvent.Step(id, step))));
        } catch (RuntimeException ex) {
            sink.accept(new Event.Forward(new ForwardEvent.Finished(id, false, false,
                    new Redactor(p.cloud().secrets()).scrub("internal error: " + ex.getMessage()))));
            return;
        }
        sink.accept(new Event.Forward(new ForwardEvent.Finished(id, o.ok(), o.rolledBack(),
                new Redactor(p.cloud().secrets()).scrub(o.summary()))));
    }

    private void drop() {
        preparedId = -1;
        prepared = null;
        preparedSession = null;
    }

    private void unavailable(long id, String why) {
        sink.accept(new Event.Forward(new ForwardEvent.Unavailable(id, why)));
    }

    void refreshStatus() {
        if (!statusRunning.compareAndSet(false, true)) return;
        try {
            Result<ForwardStatus.Report> r = backend.forwardSession(Map.of()).status(backend.configPath(), STATUS_WINDOW);
            if (!r.isOk()) {
                sink.accept(new Event.Forward(new ForwardEvent.Header(null, false)));
                return;
            }
            boolean failing = r.orNull().signals().stream().anyMatch(s -> s.kind() == SignalStatus.Kind.FAILING);
            sink.accept(new Event.Forward(new ForwardEvent.Header(ForwardText.header(r.orNull()), failing)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ignored) {
            // the header keeps its last state; the next refresh tries again
        } finally {
            statusRunning.set(false);
        }
    }

    @Override
    public void close() {
        ProfileCapture c = capture.getAndSet(null);
        if (c != null) c.cancel();
        status.shutdownNow();
        work.shutdownNow();
        synchronized (lock) {
            drop();
        }
        if (backend != null) backend.close();
    }
}
