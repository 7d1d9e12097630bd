package io.alloytop.cli;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.pprof.CaptureEvent;
import io.alloytop.pprof.CapturedProfile;
import io.alloytop.pprof.ProfileCapture;
import io.alloytop.pprof.ProfileFetcher;
import io.alloytop.pprof.ProfileSource;
import io.alloytop.pprof.ProfileStore;
import io.alloytop.pprof.ProfileType;
import io.alloytop.pprof.SavedProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `alloytop profile TYPE`: capture one of Alloy's pprof profiles, save it, and print its top table. */
@Command(name = "profile", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        subcommands = {ProfileShowCommand.class, ProfileDiffCommand.class},
        description = {"Capture a pprof profile from Alloy, save it byte for byte, and print its top functions.",
                "TYPE is one of: cpu, heap, allocs, goroutine, mutex, block, trace (trace is saved only).",
                "Saved files open with `go tool pprof FILE` (or `go tool trace FILE`)."})
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", description = "cpu, heap, allocs, goroutine, mutex, block or trace")
    String type;

    @Option(names = "--seconds", paramLabel = "N",
            description = "how long cpu and trace record (default: 30 for cpu, 1 for trace)")
    Integer seconds;

    @Option(names = "--profile-dir", paramLabel = "DIR", defaultValue = "alloytop-profiles",
            description = "where profiles are saved (default: ./${DEFAULT-VALUE})")
    Path profileDir;

    @Option(names = "--sample-index", paramLabel = "X",
            description = "sample type by name or number (default: as go tool pprof picks it)")
    String sampleIndex;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "functions to print (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--sort", paramLabel = "flat|cum", defaultValue = "flat", description = "order of the table (default: ${DEFAULT-VALUE})")
    String sort;

    @Option(names = "--stacks", paramLabel = "N", defaultValue = "10",
            description = "goroutine profiles: how many grouped stacks to print (default: ${DEFAULT-VALUE})")
    int stacks;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    String output;

    @Override
    public Integer call() throws InterruptedException {
        if (type == null) {
            throw new UserError("profile: which profile? one of: " + ProfileType.names()
                    + " (or `profile show FILE`, `profile diff A B`)");
        }
        ProfileType t;
        try {
            t = ProfileType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ProfileView view = ProfileView.of(sampleIndex, top, sort, stacks, output);
        int secs = seconds != null ? seconds : t.defaultSeconds();
        if (t.timed() && secs < 1) throw new UserError("--seconds must be at least 1");
        if (!t.timed() && seconds != null) throw new UserError("--seconds applies to cpu and trace only");

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Result<CapturedProfile> result;
        // Target, not the raw settings: with --demo it starts the embedded Alloy and points at it
        try (Target target = Target.open(((Main) spec.root().userObject()).global);
             ProfileFetcher fetcher = new ProfileFetcher(target.settings())) {
            ConnectionSettings settings = target.settings();
            String host = ProfileStore.hostFor(settings.baseUrl());
            boolean tty = System.console() != null;
            if (t.timed()) {
                err.println("Capturing " + t.id() + " for " + secs + " s from " + fetcher.url(t, secs) + " ...");
                err.flush();
            }
            ProfileCapture capture = ProfileCapture.start(fetcher, host, t, secs, Clock.systemUTC(), e -> {
                if (tty && e instanceof CaptureEvent.Progress p) {
                    err.print("\r  " + p.secondsLeft() + " s left   ");
                    err.flush();
                }
            });
            // Ctrl-C: close the request so Alloy stops recording now rather than after the full duration.
            Thread hook = new Thread(capture::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = capture.await();
            } finally {
                removeHook(hook);
                if (tty && t.timed()) {
                    err.print("\r                    \r");
                    err.flush();
                }
            }
        }
        if (result instanceof Result.Err<CapturedProfile> e) {
            err.println("alloytop: " + e.failure().message());
            return exitCode(e.failure());
        }
        CapturedProfile p = result.orNull();
        Result<SavedProfile> saved = new ProfileStore(profileDir).save(p);
        if (saved instanceof Result.Err<SavedProfile> e) {
            err.println("alloytop: " + e.failure().message());
            return ExitCodes.FAILED;
        }
        SavedProfile s = saved.orNull();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", s.path().toString());
        info.put("size", s.size());
        if (!t.decodable()) {
            if (view.json()) {
                out.print(io.alloytop.pprof.ProfileReport.write(info));
            } else {
                out.println("Saved " + s.path() + " (" + s.size() + " bytes); open it with `go tool trace " + s.path() + "`");
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (!view.json()) out.println("Saved " + s.path() + " (" + s.size() + " bytes)");
        return view.print(ProfileSource.of(p.bytes()), t == ProfileType.GOROUTINE, info, out, err);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting already; the hook runs and cancels the capture
        }
    }

    static int exitCode(Failure f) {
        return switch (f.kind()) {
            case REFUSED, DNS, TLS, AUTH, TIMEOUT, NOT_ALLOY -> ExitCodes.UNREACHABLE;
            default -> ExitCodes.FAILED;
        };
    }
}
