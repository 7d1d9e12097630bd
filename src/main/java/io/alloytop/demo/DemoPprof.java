package io.alloytop.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Go's net/http/pprof as Alloy mounts it (facts §5): gzip'd pprof protobufs with Alloy-like stacks,
 * a CPU profile that blocks for {@code seconds} and refuses a second concurrent one, text forms for
 * {@code debug=N}, and the HTML index.
 */
final class DemoPprof {
    private final DemoOptions options;
    private final DemoWorld world;
    private final AtomicBoolean cpuBusy = new AtomicBoolean();
    private final SplittableRandom rnd;

    DemoPprof(DemoOptions options, DemoWorld world) {
        this.options = options;
        this.world = world;
        this.rnd = new SplittableRandom(options.seed() * 31 + 7);
    }

    void handle(HttpExchange ex, String rest) throws IOException, InterruptedException {
        String name = rest.startsWith("/") ? rest.substring(1) : rest;
        Map<String, String> q = DemoHandler.query(ex);
        int debug = parseInt(q.get("debug"), 0);
        switch (name) {
            case "":
                HttpReplies.send(ex, 200, "text/html; charset=utf-8", index().getBytes(StandardCharsets.UTF_8));
                return;
            case "profile":
                cpu(ex, parseInt(q.get("seconds"), 30));
                return;
            case "trace":
                trace(ex, parseInt(q.get("seconds"), 1));
                return;
            case "heap": case "allocs": case "goroutine": case "mutex": case "block": case "threadcreate":
            case "delta_heap": case "delta_block": case "delta_mutex":
                if (debug > 0) {
                    HttpReplies.send(ex, 200, HttpReplies.TEXT, debugText(name, debug).getBytes(StandardCharsets.UTF_8));
                } else {
                    binary(ex, name, profile(name));
                }
                return;
            case "cmdline":
                HttpReplies.send(ex, 200, HttpReplies.TEXT,
                        "/usr/bin/alloy\u0000run\u0000--storage.path=/var/lib/alloy/data\u0000/etc/alloy/config.alloy".getBytes(StandardCharsets.UTF_8));
                return;
            case "symbol":
                HttpReplies.send(ex, 200, HttpReplies.TEXT, "num_symbols: 1\n".getBytes(StandardCharsets.UTF_8));
                return;
            default:
                pprofError(ex, 404, "Unknown profile");
        }
    }

    private static int parseInt(String s, int dflt) {
        if (s == null) return dflt;
        try {
            int v = Integer.parseInt(s.trim());
            return v <= 0 ? dflt : v;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** Go's serveError: plain text, X-Go-Pprof, the message plus a newline. */
    private static void pprofError(HttpExchange ex, int status, String msg) throws IOException {
        ex.getResponseHeaders().set("X-Go-Pprof", "1");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        HttpReplies.send(ex, status, HttpReplies.TEXT, (msg + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(HttpExchange ex, String filename, byte[] body) throws IOException {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        HttpReplies.send(ex, 200, "application/octet-stream", body);
    }

    private void cpu(HttpExchange ex, int seconds) throws IOException, InterruptedException {
        if (!cpuBusy.compareAndSet(false, true)) {
            pprofError(ex, 500, "Could not enable CPU profiling: cpu profiling already in use");
            return;
        }
        try {
            double before = world.read(DemoWorld.View::cpuSeconds);
            int restarts = world.restarts();
            long startNanos = nanos();
            options.sleeper().sleep(Duration.ofSeconds(seconds));
            if (world.restarts() != restarts) {
                // The process that was profiling is gone: the client sees the connection drop, no body.
                ex.close();
                return;
            }
            double used = world.read(DemoWorld.View::cpuSeconds) - before;
            if (used <= 0) used = seconds * 0.05; // a frozen test clock: assume a typical 5 % of a core
            binary(ex, "profile", cpuProfile(startNanos, seconds, used));
        } finally {
            cpuBusy.set(false);
        }
    }

    private void trace(HttpExchange ex, int seconds) throws IOException, InterruptedException {
        options.sleeper().sleep(Duration.ofSeconds(seconds));
        byte[] head = "go 1.25 trace\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[head.length + 4096];
        System.arraycopy(head, 0, body, 0, head.length);
        SplittableRandom r;
        synchronized (rnd) {
            r = rnd.split();
        }
        for (int i = head.length; i < body.length; i++) body[i] = (byte) r.nextInt(256);
        binary(ex, "trace", body);
    }

    private long nanos() {
        java.time.Instant now = options.clock().instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    byte[] cpuProfile(long startNanos, int seconds, double cpuSeconds) throws IOException {
        PprofProfile p = new PprofProfile()
                .sampleType("samples", "count")
                .sampleType("cpu", "nanoseconds")
                .period("cpu", "nanoseconds", 10_000_000)
                .time(startNanos, seconds * 1_000_000_000L);
        long totalSamples = Math.max(1, Math.round(cpuSeconds * 100));
        List<Weighted> stacks = GoStacks.cpu();
        SplittableRandom r = split();
        double weightSum = 0;
        for (Weighted w : stacks) weightSum += w.weight();
        for (Weighted w : stacks) {
            long n = Math.round(totalSamples * w.weight() / weightSum * (0.8 + 0.4 * r.nextDouble()));
            if (n > 0) p.sample(w.stack(), n, n * 10_000_000);
        }
        return p.gzipped();
    }

    byte[] profile(String name) throws IOException {
        long now = nanos();
        SplittableRandom r = split();
        double heap = world.read(DemoWorld.View::heapInuse);
        double goroutines = world.read(DemoWorld.View::goroutines);
        switch (name) {
            case "heap": case "allocs": case "delta_heap": {
                PprofProfile p = new PprofProfile()
                        .sampleType("alloc_objects", "count").sampleType("alloc_space", "bytes")
                        .sampleType("inuse_objects", "count").sampleType("inuse_space", "bytes")
                        .period("space", "bytes", 524_288)
                        .time(now, 0);
                if (name.equals("allocs")) p.defaultSampleType("alloc_space");
                List<Weighted> stacks = GoStacks.heap();
                double ws = 0;
                for (Weighted w : stacks) ws += w.weight();
                for (Weighted w : stacks) {
                    long size = 64L << r.nextInt(8);
                    long inuse = Math.round(heap * w.weight() / ws * (0.85 + 0.3 * r.nextDouble()));
                    long inuseObjects = Math.max(1, inuse / size);
                    long allocSpace = inuse * (8 + r.nextInt(40));
                    p.sampleWithNumLabel(w.stack(), "bytes", size, null, Math.max(1, allocSpace / size), allocSpace, inuseObjects, inuseObjects * size);
                }
                return p.gzipped();
            }
            case "goroutine": {
                PprofProfile p = new PprofProfile().sampleType("goroutine", "count").period("goroutine", "count", 1).time(now, 0);
                List<Weighted> stacks = GoStacks.goroutine();
                double ws = 0;
                for (Weighted w : stacks) ws += w.weight();
                long left = Math.round(goroutines);
                for (int i = 0; i < stacks.size(); i++) {
                    Weighted w = stacks.get(i);
                    long n = i == stacks.size() - 1 ? left : Math.max(1, Math.round(goroutines * w.weight() / ws));
                    n = Math.max(1, Math.min(n, left));
                    left -= n;
                    p.sample(w.stack(), n);
                    if (left <= 0) break;
                }
                return p.gzipped();
            }
            case "threadcreate": {
                PprofProfile p = new PprofProfile().sampleType("threadcreate", "count").period("threadcreate", "count", 1).time(now, 0);
                p.sample(GoStacks.stack("runtime.newm", "runtime.startm", "runtime.handoffp", "runtime.goexit"), 14);
                return p.gzipped();
            }
            default: { // mutex, block and their delta forms
                PprofProfile p = new PprofProfile().sampleType("contentions", "count").sampleType("delay", "nanoseconds")
                        .period("contentions", "count", 1).time(now, 0);
                boolean mutex = name.contains("mutex");
                for (Weighted w : mutex ? GoStacks.mutex() : GoStacks.block()) {
                    long n = Math.max(1, Math.round(w.weight() * (20 + r.nextInt(200))));
                    p.sample(w.stack(), n, n * (mutex ? 3_000 + r.nextInt(40_000) : 200_000 + r.nextInt(5_000_000)));
                }
                return p.gzipped();
            }
        }
    }

    private SplittableRandom split() {
        synchronized (rnd) {
            return rnd.split();
        }
    }

    private String debugText(String name, int debug) {
        StringBuilder sb = new StringBuilder();
        if (name.equals("goroutine")) {
            long total = Math.round(world.read(DemoWorld.View::goroutines));
            if (debug >= 2) {
                int n = 1;
                for (Weighted w : GoStacks.goroutine()) {
                    sb.append("goroutine ").append(n++).append(" [").append(n == 2 ? "running" : "select").append("]:\n");
                    for (PprofProfile.Func f : w.stack()) {
                        sb.append(f.name()).append("(...)\n\t").append(f.file()).append(':').append(f.startLine() + 5).append(" +0x1c5\n");
                    }
                    sb.append('\n');
                }
                return sb.toString();
            }
            sb.append("goroutine profile: total ").append(total).append('\n');
            for (Weighted w : GoStacks.goroutine()) {
                sb.append(Math.max(1, Math.round(w.weight()))).append(" @ 0x4a1f2e 0x43d9b5\n");
                for (PprofProfile.Func f : w.stack()) sb.append("#\t0x4a1f2d\t").append(f.name()).append("+0x1c5\t").append(f.file()).append(':').append(f.startLine() + 5).append('\n');
                sb.append('\n');
            }
            return sb.toString();
        }
        sb.append(name).append(" profile: simulated by the alloytop demo; fetch without ?debug for the protobuf form\n");
        return sb.toString();
    }

    private static String index() {
        StringBuilder sb = new StringBuilder("<html>\n<head>\n<title>/debug/pprof/</title>\n</head>\n<body>\n/debug/pprof/\n<br>\n"
                + "<p>Set debug=1 as a query parameter to export in legacy text format</p>\n<br>\nTypes of profiles available:\n<table>\n"
                + "<thead><td>Count</td><td>Profile</td></thead>\n");
        for (String p : List.of("allocs", "block", "cmdline", "goroutine", "heap", "mutex", "profile", "threadcreate", "trace")) {
            sb.append("<tr><td>0</td><td><a href='").append(p).append("?debug=1'>").append(p).append("</a></td></tr>\n");
        }
        return sb.append("</table>\n</body>\n</html>\n").toString();
    }

    /** A stack (leaf first) and its share of the profile. */
    record Weighted(List<PprofProfile.Func> stack, double weight) {
        Weighted {
            stack = new ArrayList<>(stack);
        }
    }
}
