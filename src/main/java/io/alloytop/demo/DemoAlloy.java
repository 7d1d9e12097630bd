package io.alloytop.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated Grafana Alloy on 127.0.0.1: the routes, bodies, content types, status codes and quirks
 * of the real one (see alloy-facts.md), a realistic component graph whose metrics move with the
 * clock, pprof profiles, logs, and fault switches. It is both the {@code --demo} experience and the
 * test fixture for the rest of alloytop.
 */
public final class DemoAlloy implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus delayed
        // ACKs add ~40 ms to every small response. Read once by the JDK, so set before any server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final DemoOptions options;
    private final DemoWorld world;
    private final DemoLogs logs;
    private final DemoFaults faults;
    private final DemoHandler handler;
    private final ExecutorService executor;
    private final ScheduledExecutorService ticker;
    private final Object serverLock = new Object();
    private HttpServer server;
    private int port;

    private DemoAlloy(DemoOptions options) {
        this.options = options;
        this.logs = new DemoLogs(options.seed(), options.clock().instant());
        this.world = new DemoWorld(options.clock(), options.seed(), logs);
        this.faults = new DemoFaults(world, this::setDown, options.authEnabled());
        DemoConfigLoader loader = options.configLoader() != null ? options.configLoader() : new BuiltinConfig(options.scale());
        this.handler = new DemoHandler(options, world, faults, logs, loader);
        this.executor = Executors.newCachedThreadPool(daemon("demo-alloy-http"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("demo-alloy-ticker"));
        logs.starting(options.clock().instant());
        initialLoad(loader);
    }

    /**
     * Loads the config and starts listening. Like Alloy, a failing first load means no server at all:
     * that is an {@link IllegalStateException} ("could not perform the initial load successfully: ...");
     * a port that cannot be bound is an {@link IOException}.
     */
    public static DemoAlloy start(DemoOptions options) throws IOException {
        DemoAlloy d = new DemoAlloy(options);
        try {
            d.listen(options.port());
        } catch (IOException e) {
            d.close();
            throw e;
        }
        d.logs.listenAddr("127.0.0.1:" + d.port);
        d.logs.started(options.clock().instant());
        // Keeps logs and counters flowing for subscribers even when nobody polls.
        d.ticker.scheduleAtFixedRate(() -> {
            try {
                d.world.advance();
            } catch (RuntimeException ignored) {
                // never let the ticker die
            }
        }, 1, 1, TimeUnit.SECONDS);
        return d;
    }

    private void initialLoad(DemoConfigLoader loader) {
        LoadOutcome outcome = loader.load();
        if (outcome instanceof LoadOutcome.Ok) {
            List<ComponentDecl> decls = ((LoadOutcome.Ok) outcome).components();
            world.apply(decls);
            world.recordLoad(true, DemoHandler.hashSource(decls));
        } else {
            String why = outcome instanceof LoadOutcome.SyntaxError
                    ? ((LoadOutcome.SyntaxError) outcome).message() : ((LoadOutcome.EvalError) outcome).message();
            executor.shutdownNow();
            ticker.shutdownNow();
            throw new IllegalStateException("could not perform the initial load successfully: " + why);
        }
    }

    private void listen(int p) throws IOException {
        synchronized (serverLock) {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 64);
            s.createContext("/", handler);
            s.setExecutor(executor);
            s.start();
            server = s;
            port = s.getAddress().getPort();
            handler.port(port);
        }
    }

    private void setDown(boolean down) throws IOException {
        synchronized (serverLock) {
            if (down) {
                if (server != null) server.stop(0);
                server = null;
            } else if (server == null) {
                listen(port);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public DemoOptions options() {
        return options;
    }

    public DemoFaults faults() {
        return faults;
    }

    public DemoWorld world() {
        return world;
    }

    public DemoLogs logs() {
        return logs;
    }

    @Override
    public void close() {
        synchronized (serverLock) {
            handler.close();
            if (server != null) server.stop(0);
            server = null;
        }
        ticker.shutdownNow();
        executor.shutdownNow();
    }
}
