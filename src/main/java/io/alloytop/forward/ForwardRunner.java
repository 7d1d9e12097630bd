package io.alloytop.forward;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out a {@link ForwardPlan}: pre-flight, measure, validate, back up, write, reload, verify,
 * and on any failure after the first byte is written, put every file back exactly and reload again.
 * Every step is reported as a {@link ForwardStep}; every message is scrubbed of secrets. Blocking:
 * run it off the UI thread.
 */
public final class ForwardRunner {
    /** How long verification may take, how often it looks, and the CPU measuring window. */
    public record Settings(Duration verifyTimeout, Duration pollEvery, Duration measureWindow) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(5));
        }
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));
    }

    /** The end of a run. {@code before} is Alloy's resource use measured before an "on". */
    public record Outcome(boolean ok, boolean rolledBack, String summary, ResourceUse before, List<ForwardStep> steps) {}

    private final AlloyPort alloy;
    private final ConfigFiles files;
    private final Backups backups;
    private final Preflight preflight;
    private final ExternalValidator validator;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Settings settings;
    private final Redactor redactor;
    private final Path stateDir;

    public ForwardRunner(AlloyPort alloy, ConfigFiles files, Backups backups, Preflight preflight,
            ExternalValidator validator, Clock clock, Sleeper sleeper, Settings settings, Redactor redactor,
            Path stateDir) {
        this.alloy = alloy;
        this.files = files;
        this.backups = backups;
        this.preflight = preflight;
        this.validator = validator;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
        this.redactor = redactor;
        this.stateDir = stateDir;
    }

    private static final class Run {
        final List<ForwardStep> steps = new ArrayList<>();
        final Consumer<ForwardStep> sink;
        final Redactor redactor;

        Run(Consumer<ForwardStep> sink, Redactor redactor) {
            this.sink = sink;
            this.redactor = redactor;
        }

        void emit(ForwardStep.Step step, ForwardStep.State state, String msg) {
            ForwardStep s = new ForwardStep(step, state, redactor.scrub(msg));
            steps.add(s);
            sink.accept(s);
        }
    }

    public Outcome run(ForwardPlan plan, Consumer<ForwardStep> events) {
        Run r = new Run(events, redactor);
        try {
            return runSteps(plan, r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.emit(ForwardStep.Step.DONE, ForwardStep.State.FAILED, "interrupted");
            return new Outcome(false, false, "interrupted", null, r.steps);
        }
    }

    private Outcome stop(Run r, String why) {
        r.emit(ForwardStep.Step.DONE, ForwardStep.State.FAILED, why + "; nothing was changed");
        return new Outcome(false, false, redactor.scrub(why + "; nothing was changed"), null, r.steps);
    }

    private Outcome runSteps(ForwardPlan plan, Run r) throws InterruptedException {
        boolean on = plan.action() == ForwardPlan.Action.ON;
        if (plan.nothingToDo()) {
            String msg = on ? "forwarding is already on with exactly these settings; nothing to change"
                    : plan.notes().isEmpty() ? "nothing to change" : String.join("; ", plan.notes());
            r.emit(ForwardStep.Step.DONE, ForwardStep.State.OK, msg);
            return new Outcome(true, false, msg, null, r.steps);
        }

        // 1. Pre-flight: the credentials work before Alloy is touched.
        if (on) {
            r.emit(ForwardStep.Step.PREFLIGHT, ForwardStep.State.RUNNING, "calling each endpoint with the credentials");
            Map<Signal, PreflightResult> pf = preflight.check(plan.signals());
            List<String> bad = new ArrayList<>();
            for (Map.Entry<Signal, PreflightResult> e : pf.entrySet()) {
                if (!e.getValue().ok()) bad.add(e.getKey().label() + ": " + e.getValue().message());
            }
            if (!bad.isEmpty()) {
                r.emit(ForwardStep.Step.PREFLIGHT, ForwardStep.State.FAILED, String.join("; ", bad));
                return stop(r, "pre-flight failed: " + String.join("; ", bad));
            }
            List<String> okMsgs = new ArrayList<>();
            pf.forEach((s, res) -> okMsgs.add(s.label() + ": " + res.message()));
            r.emit(ForwardStep.Step.PREFLIGHT, ForwardStep.State.OK, String.join("; ", okMsgs));
        } else {
            r.emit(ForwardStep.Step.PREFLIGHT, ForwardStep.State.SKIPPED, "nothing to call when switching off");
        }

        // 2. Alloy must answer, and (for "on") its CPU and RSS before the change are kept.
        ResourceUse before = null;
        Result<MetricsSnapshot> m0 = alloy.metrics();
        if (!m0.isOk()) return stop(r, "Alloy is not answering: " + m0.failureOrNull().message());
        if (on) {
            Instant t0 = clock.instant();
            sleeper.sleep(settings.measureWindow());
            Result<MetricsSnapshot> m1 = alloy.metrics();
            if (!m1.isOk()) return stop(r, "Alloy is not answering: " + m1.failureOrNull().message());
            before = ResourceUse.between(m0.orNull(), m1.orNull(), Duration.between(t0, clock.instant()));
            r.emit(ForwardStep.Step.MEASURE, before == null ? ForwardStep.State.WARN : ForwardStep.State.OK,
                    before == null ? "Alloy exposes no process CPU/RSS metrics; overhead will not be shown"
                            : String.format(java.util.Locale.ROOT, "before: %.1f %% CPU, %.1f MB RSS",
                                    before.cpuPercent(), before.rssBytes() / 1048576));
        }

        // 3. Alloy's own binary, when there is one (our parser already accepted the result in the plan).
        ExternalValidator.Outcome v = validator.validate(plan);
        r.emit(ForwardStep.Step.VALIDATE, v.state(), v.message());
        if (v.state() == ForwardStep.State.FAILED) return stop(r, v.message());

        // 4. Capture exactly what is there now, and keep a backup of every config file that changes.
        List<FileState> previous = new ArrayList<>();
        try {
            for (FileChange c : plan.changes()) {
                if (!c.changes()) continue;
                FileState s = files.capture(c.path());
                if (!java.util.Arrays.equals(s.bytes(), c.before())) {
                    return stop(r, c.path() + " changed since the plan was made; run the command again");
                }
                previous.add(s);
                if (s.exists() && !c.secret()) {
                    Path b = backups.save(c.path(), s.bytes());
                    r.emit(ForwardStep.Step.BACKUP, ForwardStep.State.OK, c.path() + " -> " + b);
                }
            }
        } catch (IOException | RuntimeException e) {
            r.emit(ForwardStep.Step.BACKUP, ForwardStep.State.FAILED, describe(e));
            return stop(r, "could not back up the config: " + describe(e));
        }

        // 5. Write. From here on, every failure puts the previous bytes back, even on Ctrl-C.
        List<FileState> written = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (settled.compareAndSet(false, true)) {
                try {
                    rollback(r, new ArrayList<>(written), "stopped by a signal", true);
                } catch (RuntimeException e) {
                    restoreFiles(new ArrayList<>(written));
                }
            }
        }, "alloytop-forward-rollback");
        boolean hooked = addHook(hook);
        try {
            Outcome o = writeReloadVerify(plan, r, previous, written, before);
            settled.set(true);
            return o;
        } finally {
            if (hooked) removeHook(hook);
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down: the hook runs (and finds the run settled)
        }
    }

    private Outcome writeReloadVerify(ForwardPlan plan, Run r, List<FileState> previous, List<FileState> written,
            ResourceUse before) {
        try {
            for (int i = 0; i < plan.changes().size(); i++) {
                FileChange c = plan.changes().get(i);
                if (!c.changes()) continue;
                FileState prev = previous.get(written.size());
                List<String> warnings;
                if (c.after() == null) {
                    files.delete(c.path());
                    warnings = List.of();
                } else {
                    Optional<FileState> like = prev.exists() ? Optional.of(prev)
                            : c.modelFile().map(p -> captureQuietly(p));
                    warnings = files.write(c.path(), c.after(), like,
                            PosixFilePermissions.fromString(c.newFileMode()), c.newFileOwner());
                }
                written.add(prev);
                String what = c.creates() ? "created " : c.deletes() ? "removed " : "rewrote ";
                r.emit(ForwardStep.Step.WRITE, warnings.isEmpty() ? ForwardStep.State.OK : ForwardStep.State.WARN,
                        what + c.path() + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
            }
        } catch (IOException | RuntimeException e) {
            String hint = e instanceof java.nio.file.AccessDeniedException
                    ? " (alloytop needs write access to Alloy's config directory: run it with sudo)" : "";
            r.emit(ForwardStep.Step.WRITE, ForwardStep.State.FAILED, describe(e) + hint);
            return rollback(r, written, "writing failed: " + describe(e) + hint, false);
        }

        try {
            return reloadAndVerify(plan, r, written, before);
        } catch (RuntimeException e) {
            // Whatever went wrong, the files must not stay half-changed.
            r.emit(ForwardStep.Step.VERIFY, ForwardStep.State.FAILED, "unexpected error: " + describe(e));
            return rollback(r, written, "unexpected error: " + describe(e), true);
        } catch (InterruptedException e) {
            Thread.interrupted();
            try {
                return rollback(r, written, "interrupted", true);
            } finally {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome reloadAndVerify(ForwardPlan plan, Run r, List<FileState> written, ResourceUse before)
            throws InterruptedException {
        boolean on = plan.action() == ForwardPlan.Action.ON;
        // 6. Reload.
        Result<MetricsSnapshot> base = alloy.metrics();
        MetricsSnapshot baseline = base.isOk() ? base.orNull() : new MetricsSnapshot(List.of());
        r.emit(ForwardStep.Step.RELOAD, ForwardStep.State.RUNNING, "POST /-/reload");
        Result<String> reload = alloy.reload();
        if (!reload.isOk()) {
            Failure f = reload.failureOrNull();
            String body = f.message().strip();
            // The client words it "reload failed: <body>"; the body is what the user needs.
            if (body.startsWith("reload failed: ")) body = body.substring("reload failed: ".length());
            String why = f.kind() == Failure.Kind.HTTP_STATUS
                    ? "Alloy refused the new config: " + body
                    : "Alloy did not answer the reload: " + f.message();
            r.emit(ForwardStep.Step.RELOAD, ForwardStep.State.FAILED, why);
            return rollback(r, written, why, true);
        }
        r.emit(ForwardStep.Step.RELOAD, ForwardStep.State.OK, reload.orNull().strip());

        // 7. Verify within the timeout.
        Verdict verdict = verify(plan, baseline, r);
        if (verdict instanceof Verdict.Failed f) {
            r.emit(ForwardStep.Step.VERIFY, ForwardStep.State.FAILED, f.why());
            return rollback(r, written, "verification failed: " + f.why(), true);
        }
        Verdict.Ok ok = (Verdict.Ok) verdict;
        r.emit(ForwardStep.Step.VERIFY, ok.warnings().isEmpty() ? ForwardStep.State.OK : ForwardStep.State.WARN,
                ok.summary() + (ok.warnings().isEmpty() ? "" : "; " + String.join("; ", ok.warnings())));

        try {
            if (on) {
                List<String> sigs = plan.signals().stream().map(Signal::label).sorted().toList();
                new ForwardState(plan.location().path().toString(), clock.instant().toString(), sigs,
                        before == null ? 0 : before.cpuPercent(), before == null ? 0 : before.rssBytes()).save(stateDir);
            } else {
                ForwardState.clear(stateDir);
            }
        } catch (IOException e) {
            r.emit(ForwardStep.Step.DONE, ForwardStep.State.WARN, "could not save alloytop's state file: " + describe(e));
        }
        String summary = on ? "forwarding " + String.join(", ", plan.signals().stream().map(Signal::label).sorted().toList())
                + " is on and verified" : "forwarding is off; alloytop's components are gone";
        r.emit(ForwardStep.Step.DONE, ForwardStep.State.OK, summary);
        return new Outcome(true, false, redactor.scrub(summary), before, r.steps);
    }

    private FileState captureQuietly(Path p) {
        try {
            return files.capture(p);
        } catch (IOException e) {
            return new FileState(p, null, null, null, null);
        }
    }

    private Verdict verify(ForwardPlan plan, MetricsSnapshot baseline, Run r) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.verifyTimeout());
        String lastPending = "";
        int transportErrors = 0;
        while (true) {
            boolean last = !clock.instant().isBefore(deadline);
            Result<List<Component>> comps = alloy.components();
            Result<MetricsSnapshot> m = plan.action() == ForwardPlan.Action.ON ? alloy.metrics() : Result.ok(baseline);
            if (!comps.isOk() || !m.isOk()) {
                Failure f = comps.isOk() ? m.failureOrNull() : comps.failureOrNull();
                if (++transportErrors >= 3 || last) return new Verdict.Failed("Alloy stopped answering: " + f.message());
            } else {
                transportErrors = 0;
                Verdict v = plan.action() == ForwardPlan.Action.ON
                        ? Verifier.afterOn(plan, comps.orNull(), baseline, m.orNull(), last)
                        : Verifier.afterOff(plan, comps.orNull(), last);
                if (!(v instanceof Verdict.Pending p)) return v;
                if (!p.why().equals(lastPending)) {
                    r.emit(ForwardStep.Step.VERIFY, ForwardStep.State.RUNNING, p.why());
                    lastPending = p.why();
                }
            }
            if (last) return new Verdict.Failed("verification timed out");
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative()) left = Duration.ZERO;
            sleeper.sleep(left.compareTo(settings.pollEvery()) < 0 ? left : settings.pollEvery());
        }
    }

    private List<String> restoreFiles(List<FileState> written) {
        List<String> problems = new ArrayList<>();
        for (int i = written.size() - 1; i >= 0; i--) {
            FileState s = written.get(i);
            try {
                problems.addAll(files.restore(s));
            } catch (IOException | RuntimeException e) {
                problems.add("could not restore " + s.path() + ": " + describe(e));
            }
        }
        return problems;
    }

    private Outcome rollback(Run r, List<FileState> written, String why, boolean reloadAgain) {
        List<String> problems = restoreFiles(written);
        boolean restored = problems.stream().noneMatch(p -> p.startsWith("could not restore"));
        r.emit(ForwardStep.Step.ROLLBACK, restored ? ForwardStep.State.OK : ForwardStep.State.FAILED,
                restored ? "previous files put back exactly" + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")")
                        : String.join("; ", problems));
        String after = "";
        if (reloadAgain) {
            Result<String> again = alloy.reload();
            if (again.isOk()) {
                r.emit(ForwardStep.Step.RELOAD, ForwardStep.State.OK, "reloaded the previous config");
            } else {
                after = "; reloading the previous config also failed (" + again.failureOrNull().message().strip()
                        + "), Alloy will use it on its next reload or restart";
                r.emit(ForwardStep.Step.RELOAD, ForwardStep.State.FAILED, again.failureOrNull().message().strip());
            }
        }
        String summary = why + (restored ? "; the previous config is back" : "; ROLLBACK INCOMPLETE, see above") + after;
        r.emit(ForwardStep.Step.DONE, ForwardStep.State.FAILED, summary);
        return new Outcome(false, true, redactor.scrub(summary), null, r.steps);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
