package io.alloytop.cli;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.HttpAlloyClient;
import io.alloytop.alloy.Result;
import io.alloytop.poll.Poller;
import java.io.IOException;

/**
 * The Alloy a command talks to, from the global options: a real one at --url, or with --demo an
 * embedded simulated one started here and stopped by {@link #close()}. Every command (check, UI,
 * logs, profile, forward) opens one of these rather than wiring the client itself.
 */
public final class Target implements AutoCloseable {
    /** A started demo: where it listens and how to stop it. */
    public record Demo(String baseUrl, AutoCloseable stopper) {}

    /** Starts the embedded demo; a seam so tests (and a build without the demo) can swap it. */
    @FunctionalInterface
    public interface DemoStarter {
        Demo start() throws IOException;
    }

    static volatile DemoStarter demoStarter = () -> {
        throw new UserError("--demo is not available in this build");
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
                d = demoStarter.start();
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

    public boolean isDemo() {
        return demo != null;
    }

    /** Host CPU/memory from /proc describe Alloy's host only for a loopback target or the demo. */
    public boolean isLocal() {
        return isDemo() || Poller.isLocalTarget(api.baseUrl());
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
