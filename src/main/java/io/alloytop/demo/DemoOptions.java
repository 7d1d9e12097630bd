package io.alloytop.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link DemoAlloy}. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param port          TCP port on 127.0.0.1, 0 for a random free one
 * @param uiPrefix      Alloy's --server.http.ui-path-prefix; moves only {@code /api/v0/web}
 * @param basicAuthUser null for no auth (the http block's auth.basic)
 * @param seed          makes the simulated values reproducible
 * @param clock         the time every simulated value follows
 * @param scale         approximate total component count; 0 = the realistic default set (~40)
 * @param pprofEnabled  --server.http.enable-pprof
 * @param liveDebugging the livedebugging block's enabled flag (graph/debug streams)
 * @param configLoader  what a reload reads; null = the built-in realistic set
 * @param sleeper       how blocking waits (CPU profile duration) pass; tests may shorten them
 */
public record DemoOptions(
        int port,
        String uiPrefix,
        String basicAuthUser,
        String basicAuthPassword,
        long seed,
        Clock clock,
        int scale,
        boolean pprofEnabled,
        boolean liveDebugging,
        DemoConfigLoader configLoader,
        Sleeper sleeper) {

    /** Waits for a simulated duration; the default really sleeps. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));
    }

    public DemoOptions {
        uiPrefix = normalisePrefix(uiPrefix);
        clock = clock == null ? Clock.systemUTC() : clock;
        sleeper = sleeper == null ? Sleeper.REAL : sleeper;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (scale < 0) throw new IllegalArgumentException("scale must be >= 0");
    }

    public static DemoOptions defaults() {
        return new DemoOptions(0, "/", null, null, 42L, Clock.systemUTC(), 0, true, false, null, Sleeper.REAL);
    }

    public DemoOptions withPort(int p) {
        return new DemoOptions(p, uiPrefix, basicAuthUser, basicAuthPassword, seed, clock, scale, pprofEnabled, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withUiPrefix(String p) {
        return new DemoOptions(port, p, basicAuthUser, basicAuthPassword, seed, clock, scale, pprofEnabled, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withBasicAuth(String user, String password) {
        return new DemoOptions(port, uiPrefix, user, password, seed, clock, scale, pprofEnabled, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withSeed(long s) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, s, clock, scale, pprofEnabled, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withClock(Clock c) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, seed, c, scale, pprofEnabled, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withScale(int s) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, seed, clock, s, pprofEnabled, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withPprofEnabled(boolean e) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, seed, clock, scale, e, liveDebugging, configLoader, sleeper);
    }

    public DemoOptions withLiveDebugging(boolean e) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, seed, clock, scale, pprofEnabled, e, configLoader, sleeper);
    }

    public DemoOptions withConfigLoader(DemoConfigLoader l) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, seed, clock, scale, pprofEnabled, liveDebugging, l, sleeper);
    }

    public DemoOptions withSleeper(Sleeper s) {
        return new DemoOptions(port, uiPrefix, basicAuthUser, basicAuthPassword, seed, clock, scale, pprofEnabled, liveDebugging, configLoader, s);
    }

    boolean authEnabled() {
        return basicAuthUser != null;
    }

    /** "/", "/x" or "x/" all become "/x/" (or "/") so routes can be matched by plain prefix. */
    static String normalisePrefix(String p) {
        String v = Objects.requireNonNullElse(p, "/").trim();
        if (!v.startsWith("/")) v = "/" + v;
        if (!v.endsWith("/")) v = v + "/";
        return v;
    }
}
