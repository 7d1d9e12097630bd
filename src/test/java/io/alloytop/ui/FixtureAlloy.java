package io.alloytop.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server answering the few Alloy routes the monitor polls (facts §1.2, §2, §4),
 * with n components over three modules, so the real jar can be driven end to end in tmux.
 */
public final class FixtureAlloy implements AutoCloseable {
    private final HttpServer server;
    private final int n;
    private final long started = System.currentTimeMillis() / 1000 - 3 * 3600;
    private volatile double cpu;

    public FixtureAlloy(int n) throws IOException {
        this.n = n;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fixture-alloy");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        try (ex) {
            if (path.equals("/-/ready")) {
                send(ex, 200, "text/plain", "Alloy is ready.\n");
            } else if (path.equals("/metrics")) {
                send(ex, 200, "text/plain; version=0.0.4", metrics());
            } else if (path.equals("/api/v0/web/components")) {
                send(ex, 200, "application/json", list());
            } else if (path.startsWith("/api/v0/web/components/")) {
                String id = path.substring("/api/v0/web/components/".length());
                int i = indexOf(id);
                if (i < 0) send(ex, 404, "text/plain", "not found");
                else send(ex, 200, "application/json", component(i, true));
            } else {
                send(ex, 404, "text/plain", "404 page not found\n");
            }
        }
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    private String metrics() {
        cpu += 0.02 + (System.nanoTime() % 7) / 1000.0;
        StringBuilder sb = new StringBuilder();
        sb.append("# TYPE alloy_build_info gauge\nalloy_build_info{branch=\"HEAD\",goarch=\"amd64\",goos=\"linux\",goversion=\"go1.24.1\",revision=\"abc\",tags=\"builtinassets\",version=\"v1.8.2\"} 1\n");
        sb.append("# TYPE alloy_config_last_load_successful gauge\nalloy_config_last_load_successful 1\n");
        sb.append("# TYPE alloy_config_load_failures_total counter\nalloy_config_load_failures_total 0\n");
        sb.append("# TYPE alloy_config_hash gauge\nalloy_config_hash{sha256=\"4f2a9c0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d\"} 1\n");
        sb.append("# TYPE alloy_config_last_load_success_timestamp_seconds gauge\nalloy_config_last_load_success_timestamp_seconds ").append(started + 60).append('\n');
        sb.append("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total ").append(String.format(Locale.ROOT, "%.3f", 100 + cpu)).append('\n');
        sb.append("# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes ").append(200_000_000 + (System.nanoTime() % 5_000_000)).append('\n');
        sb.append("# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds ").append(started).append('\n');
        sb.append("# TYPE go_goroutines gauge\ngo_goroutines 151\n");
        sb.append("# TYPE go_memstats_heap_inuse_bytes gauge\ngo_memstats_heap_inuse_bytes 6.1e+07\n");
        return sb.toString();
    }

    static String type(int i) {
        String[] t = {"prometheus.scrape", "prometheus.remote_write", "loki.source.journal", "loki.write", "discovery.relabel", "local.file"};
        return t[i % t.length];
    }

    static String module(int i) {
        return i % 4 == 0 ? "" : i % 4 == 1 ? "self_monitor.main" : i % 4 == 2 ? "foreach.hosts/foreach_web1_1" : "lib.my_comp.a";
    }

    static String state(int i) {
        return i % 23 == 5 ? "unhealthy" : i % 31 == 7 ? "exited" : i % 37 == 11 ? "unknown" : "healthy";
    }

    private int indexOf(String globalId) {
        for (int i = 0; i < n; i++) {
            String m = module(i);
            String id = (m.isEmpty() ? "" : m + "/") + type(i) + ".c" + i;
            if (id.equals(globalId)) return i;
        }
        return -1;
    }

    private String list() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append(component(i, false));
        }
        return sb.append(']').toString();
    }

    private String component(int i, boolean detail) {
        String st = state(i);
        String msg = st.equals("unhealthy") ? "server returned HTTP status 401 Unauthorized" : st.equals("exited")
                ? "component shut down with error: context canceled" : st.equals("unknown") ? "component created" : "started component";
        String args = detail ? "[{\"name\":\"url\",\"type\":\"attr\",\"value\":{\"type\":\"string\",\"value\":\"https://prometheus.example/api/v1/push\"}},"
                + "{\"name\":\"password\",\"type\":\"attr\",\"value\":{\"type\":\"capsule\",\"value\":\"(secret)\"}}]" : "[]";
        return "{\"name\":\"" + type(i) + "\",\"type\":\"block\",\"localID\":\"" + type(i) + ".c" + i + "\",\"moduleID\":\"" + module(i)
                + "\",\"label\":\"c" + i + "\",\"referencesTo\":[],\"referencedBy\":[],\"dataFlowEdgesTo\":[],"
                + "\"health\":{\"state\":\"" + st + "\",\"message\":\"" + msg + "\",\"updatedTime\":\"2026-11-22T08:0" + (i % 10) + ":00.5+01:00\"},"
                + "\"original\":\"\",\"arguments\":" + args + ",\"exports\":[],\"debugInfo\":[],\"liveDebuggingEnabled\":false}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
