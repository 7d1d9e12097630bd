package io.alloytop.cli;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.alloy.Result;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Poller;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Alloy a command talks to, from the global options: a real one at --url, or with --demo an
 * embedded simulated one started here and stopped by {@link #close()}. Every command (check, UI,
 * logs, profile, forward) opens one of these rather than wiring the client itself.
 */
public final class Target implements AutoCloseable {
    /** A started demo: where it listens and how to stop it. */
    public record Demo(String baseUrl, AutoCloseable stopper) {}

    /** Starts the embedded demo at a UI prefix; a seam so tests can swap it. */
    @FunctionalInterface
    public interface DemoStarter {
        Demo start(String uiPrefix) throws IOException;
    }

    static volatile DemoStarter demoStarter = uiPrefix -> {
        DemoAlloy d = DemoAlloy.start(DemoOptions.defaults().withUiPrefix(uiPrefix == null ? "/" : uiPrefix));
        return new Demo(d.baseUrl(), d);
    };

    private final ConnectionSettings settings;
    private final HttpAlloyClient api;
    private final AutoCloseable demo;

    private Target(ConnectionSettings settings, HttpAlloyClient api, AutoCloseable demo) {
        this.settings = settings;
        this.api = api;
        this.demo = demo;
    }

    /**
     * Opens the target; a usage problem (unreadable secret or CA file, bad URL, demo failing to
     * start) is a {@link UserError}, never a stack trace.
     */
    public static Target open(GlobalOptions global) {
        ConnectionSettings s = global.settings();
        AutoCloseable stopper = null;
        if (global.demo()) {
            Demo d;
            try {
                d = demoStarter.start(s.uiPrefix());
            } catch (IOException | RuntimeException e) {
                if (e instanceof UserError u) throw u;
                throw new UserError("--demo: the embedded Alloy did not start: " + e.getMessage());
            }
            s = s.withBaseUrl(d.baseUrl());
            stopper = d.stopper();
        }
        Result<HttpAlloyClient> c = HttpAlloyClient.create(s);
        if (!c.isOk()) {
            closeQuietly(stopper);
            throw new UserError(c.failureOrNull().message());
        }
        return new Target(s, c.orNull(), stopper);
    }

    public AlloyApi api() {
        return api;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public String baseUrl() {
        return api.baseUrl();
    }

    /** The embedded demo Alloy with --demo (the monitor shows its logs), else null. */
    public io.alloytop.demo.DemoAlloy demoAlloy() {
        return demo instanceof io.alloytop.demo.DemoAlloy d ? d : null;
    }

    public boolean isDemo() {
        return demo != null;
    }

    /** Host CPU/memory from /proc describe Alloy's host only for a loopback target or the demo. */
    public boolean isLocal() {
        return isDemo() || Poller.isLocalTarget(api.baseUrl());
    }

    /**
     * A poller for this target at {@code interval} on the system clock, not yet started; the
     * caller starts and closes it (before this target). Host figures are read only when local.
     */
    public Poller newPoller(Duration interval, Consumer<AlloySnapshot> sink) {
        return new Poller(api, Clock.systemUTC(), interval, isLocal(), sink);
    }

    @Override
    public void close() {
        api.close();
        closeQuietly(demo);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to tell the user
        }
    }
}
