package io.alloytop.demo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Alloy-style logfmt lines (facts §6.2: ts, level, msg, then context keys) produced at a realistic
 * pace as the simulated clock moves: evaluation chatter, the incident lines (401 retries, failing
 * local.file, scrape failures, drops), start/reload sequences, and now and then a hostile line with
 * raw terminal escapes, so consumers prove they sanitise. Thread-safe; bounded.
 */
public final class DemoLogs {
    /** One line with its arrival order, for gap-free tailing. */
    public record Line(long seq, Instant time, String text) {}

    private static final int MAX_LINES = 20_000;

    private final Deque<Line> lines = new ArrayDeque<>();
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private final SplittableRandom rnd;
    private long seq;
    private Instant nextChatter;
    private Instant nextIncidentTick;
    private Instant nextFileError;
    private Instant lastGenerated;
    private String listenAddr = "127.0.0.1:12345";
    private String pendingTrace;

    DemoLogs(long seed, Instant start) {
        this.rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.lastGenerated = start;
        this.nextChatter = start.plusSeconds(8);
        this.nextIncidentTick = start.plusSeconds(5);
        this.nextFileError = start.plusSeconds(60);
    }

    /** Lines with a timestamp at or after {@code since}, oldest first. */
    public synchronized List<String> linesSince(Instant since) {
        List<String> out = new ArrayList<>();
        for (Line l : lines) if (!l.time().isBefore(since)) out.add(l.text());
        return out;
    }

    /** Lines appended after the one numbered {@code seq} (0 = everything kept), oldest first. */
    public synchronized List<Line> linesAfter(long afterSeq) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) if (l.seq() > afterSeq) out.add(l);
        return out;
    }

    /**
     * Calls {@code onLine} for every new line, on the thread that advanced the simulation (the
     * demo's ticker or a request thread). Keep it quick and do not call back into the demo from it.
     * Close the returned handle to stop.
     */
    public AutoCloseable subscribe(Consumer<String> onLine) {
        subscribers.add(onLine);
        return () -> subscribers.remove(onLine);
    }

    void listenAddr(String addr) {
        this.listenAddr = addr;
    }

    // ---------------------------------------------------------------- producers

    /** The whole start sequence at once, as after a restart. */
    void startSequence(Instant t, DemoWorld.View v) {
        starting(t);
        for (DemoComponent c : v.components()) if ("unhealthy".equals(c.state)) unhealthy(t.plusMillis(20), c);
        started(t.plusMillis(45));
    }

    /** The first half: before the initial graph evaluation. */
    void starting(Instant t) {
        emit(t, "info", "Alloy is starting", "version", "v1.18.0", "revision", "66ebea8", "branch", "HEAD");
        pendingTrace = traceId();
        emit(t.plusMillis(3), "info", "starting complete graph evaluation", "controller_path", "/", "controller_id", "", "trace_id", pendingTrace);
    }

    /** The second half: evaluation finished, services scheduled, HTTP listening. */
    void started(Instant t) {
        Instant at = t;
        emit(at, "info", "finished complete graph evaluation", "controller_path", "/", "controller_id", "",
                "trace_id", pendingTrace == null ? traceId() : pendingTrace, "duration", GoTime.duration(0.0387));
        emit(at = at.plusMillis(1), "info", "scheduling loaded components and services");
        emit(at = at.plusMillis(2), "info", "starting cluster node", "service", "cluster", "peers_count", "0", "peers", "",
                "advertise_addr", listenAddr, "minimum_cluster_size", "0");
        emit(at = at.plusMillis(1), "info", "now listening for http traffic", "service", "http", "addr", listenAddr);
        emit(at = at.plusMillis(1), "info", "peers changed", "service", "cluster", "peers_count", "1", "min_cluster_size", "0", "peers", "demo-alloy");
        emit(at.plusMillis(1), "info", "{^_^} Alloy is running");
    }

    /** What an unhealthy component says about itself; local.file repeats its read error on every poll. */
    void unhealthy(Instant t, DemoComponent c) {
        if (c.decl.name().equals("local.file") && c.message.startsWith("failed to read file: ")) {
            component(t, "error", c, "failed to read file", "err", c.message.substring("failed to read file: ".length()));
        } else {
            component(t, "error", c, "component health changed", "state", c.state, "err", c.message);
        }
    }

    void component(Instant t, String level, DemoComponent c, String msg, String... kv) {
        String[] all = new String[4 + kv.length];
        all[0] = "component_path";
        all[1] = "/" + c.moduleID();
        all[2] = "component_id";
        all[3] = c.localID();
        System.arraycopy(kv, 0, all, 4, kv.length);
        emit(t, level, msg, all);
    }

    void reloadRequested(Instant t) {
        emit(t, "info", "reload requested via /-/reload endpoint", "service", "http");
    }

    void reloaded(Instant t) {
        emit(t, "info", "config reloaded", "service", "http");
    }

    void reloadFailed(Instant t, String err) {
        emit(t, "error", "failed to reload config", "service", "http", "err", err);
    }

    /** Periodic lines for everything that happened between the last call and {@code now}. */
    void generate(DemoWorld world, Instant now) {
        if (!now.isAfter(lastGenerated)) return;
        DemoWorld.View v = world.new View();
        while (!nextFileError.isAfter(now) || !nextIncidentTick.isAfter(now) || !nextChatter.isAfter(now)) {
            Instant t = min(nextFileError, min(nextIncidentTick, nextChatter));
            if (t.equals(nextFileError)) {
                fileErrors(v, t);
                nextFileError = t.plusSeconds(60);
            } else if (t.equals(nextIncidentTick)) {
                incidents(v, t);
                nextIncidentTick = t.plusSeconds(5);
            } else {
                chatter(v, t);
                nextChatter = t.plusMillis(6000 + rnd.nextInt(24_000));
            }
        }
        lastGenerated = now;
    }

    private void fileErrors(DemoWorld.View v, Instant t) {
        for (DemoComponent c : v.components()) {
            if (c.decl.name().equals("local.file") && "unhealthy".equals(c.state)) unhealthy(t, c);
        }
    }

    private void incidents(DemoWorld.View v, Instant t) {
        for (DemoComponent c : v.components()) {
            if (c.failing401) unauthorized(c, t);
            if (c.dropping && c.kind == Kind.LOKI_WRITE) {
                component(t, "error", c, "final error sending batch", "host", "logs-prod-006.grafana.net", "status", "429", "tenant", "",
                        "error", "server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for user 123456");
            } else if (c.dropping && c.kind == Kind.JOURNAL) {
                component(t, "error", c, "failed to parse journal entry", "err", "invalid character '\\x00' in journal field");
            } else if (c.dropping && c.kind == Kind.REMOTE_WRITE) {
                component(t, "error", c, "non-recoverable error", "subcomponent", "rw", "remote_name", remoteName(c), "url", url(c),
                        "failedSampleCount", "2000", "err", "server returned HTTP status 400 Bad Request: out of order sample");
            }
            if (!c.downTargets.isEmpty() && t.getEpochSecond() % 15 < 5) {
                component(t, "warn", c, "Scrape failed", "scrape_pool", c.localID(), "target", "http://127.0.0.1:9100/metrics",
                        "err", "Get \"http://127.0.0.1:9100/metrics\": dial tcp 127.0.0.1:9100: connect: connection refused");
            }
        }
    }

    private void unauthorized(DemoComponent c, Instant t) {
        switch (c.kind) {
            case REMOTE_WRITE:
                component(t, "warn", c, "Failed to send batch, retrying", "subcomponent", "rw", "remote_name", remoteName(c), "url", url(c),
                        "err", "server returned HTTP status 401 Unauthorized: {\"status\":\"error\",\"error\":\"authentication error: invalid token\"}");
                break;
            case LOKI_WRITE:
                component(t, "warn", c, "error sending batch, will retry", "host", "logs-prod-006.grafana.net", "status", "401", "tenant", "",
                        "error", "server returned HTTP status 401 Unauthorized (401): invalid authentication credentials");
                break;
            case PYROSCOPE_WRITE:
                component(t, "error", c, "failed to push to endpoint", "endpoint", "https://profiles-prod-001.grafana.net",
                        "err", "unauthenticated: server returned HTTP status 401 Unauthorized");
                break;
            default:
                component(t, "info", c, "Exporting failed. Will retry the request after interval.", "kind", "exporter", "data_type", "traces",
                        "error", "rpc error: code = Unauthenticated desc = unexpected HTTP status code received from server: 401 (Unauthorized)",
                        "interval", "5.2s");
        }
    }

    private void chatter(DemoWorld.View v, Instant t) {
        List<DemoComponent> cs = v.components();
        if (cs.isEmpty()) return;
        int pick = rnd.nextInt(40);
        if (pick == 0) {
            // A hostile line: raw ESC/OSC/BEL bytes as a careless component or a panic might print them.
            String[] hostile = {"\u001b]0;owned by a log line\u0007", "\u001b[2J\u001b[31mred alert\u001b[0m", "\u001b[?1049l\r\u001b[K"};
            emitRaw(t, "ts=" + GoTime.utc(t) + " level=warn msg=\"unexpected journal line " + hostile[rnd.nextInt(hostile.length)]
                    + "\" component_path=/ component_id=loki.source.journal.system");
            return;
        }
        DemoComponent c = cs.get(rnd.nextInt(cs.size()));
        if (c.decl.name().startsWith("discovery.") || pick < 10) {
            emit(t, "info", "finished node evaluation", "controller_path", "/" + c.moduleID(), "controller_id", "", "trace_id", traceId(),
                    "node_id", c.localID(), "duration", GoTime.duration(0.0005 + rnd.nextDouble() * 0.004));
        } else if (c.kind == Kind.REMOTE_WRITE && pick < 20) {
            component(t, "info", c, "Done replaying WAL", "subcomponent", "rw", "remote_name", remoteName(c), "url", url(c),
                    "duration", GoTime.duration(1 + rnd.nextDouble() * 2));
        } else if (pick < 14) {
            emit(t, "debug", "received request", "service", "http", "method", "GET", "path", "/metrics");
        } else {
            emit(t, "info", "finished node evaluation", "controller_path", "/", "controller_id", "", "trace_id", traceId(),
                    "node_id", c.localID(), "duration", GoTime.duration(0.0003 + rnd.nextDouble() * 0.002));
        }
    }

    static String remoteName(DemoComponent c) {
        return DemoWorld.sha256(c.globalID()).substring(0, 6);
    }

    static String url(DemoComponent c) {
        return "https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push";
    }

    private String traceId() {
        return String.format("%016x%016x", rnd.nextLong(), rnd.nextLong());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- formatting

    void emit(Instant t, String level, String msg, String... kv) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("ts=").append(GoTime.utc(t)).append(" level=").append(level);
        if (msg != null && !msg.isEmpty()) sb.append(" msg=").append(value(msg));
        for (int i = 0; i + 1 < kv.length; i += 2) sb.append(' ').append(kv[i]).append('=').append(value(kv[i + 1]));
        emitRaw(t, sb.toString());
    }

    private void emitRaw(Instant t, String line) {
        synchronized (this) {
            lines.addLast(new Line(++seq, t, line));
            while (lines.size() > MAX_LINES) lines.removeFirst();
        }
        for (Consumer<String> s : subscribers) {
            try {
                s.accept(line);
            } catch (RuntimeException ignored) {
                // A broken subscriber must not stop the simulation.
            }
        }
    }

    /** slog's text handler quotes empty values and values with spaces, '=', '"' or unprintables (Go-style escapes). */
    static String value(String v) {
        boolean quote = v.isEmpty();
        for (int i = 0; i < v.length() && !quote; i++) {
            char ch = v.charAt(i);
            quote = ch <= ' ' || ch == '=' || ch == '"' || ch == 0x7f || Character.isISOControl(ch);
        }
        if (!quote) return v;
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (ch < 0x20 || ch == 0x7f) sb.append(String.format("\\x%02x", (int) ch));
                    else sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

}
