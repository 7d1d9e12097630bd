package io.alloytop.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.alloytop.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Alloy's route table (facts §1.2) on one JDK HttpServer context, in gorilla/mux's order: fixed
 * routes first, then component handlers, then the UI prefix with its API and its SPA catch-all.
 */
final class DemoHandler implements HttpHandler {
    static final String LIVE_DEBUGGING_DISABLED =
            "the live debugging service is disabled. Check the documentation to find out how to enable it";

    private final DemoOptions options;
    private final DemoWorld world;
    private final DemoFaults faults;
    private final DemoLogs logs;
    private final DemoConfigLoader loader;
    private final DemoPprof pprof;
    private final Streams streams;
    /** Alloy's loadMut: list/detail read-lock it, a reload write-locks it for the whole evaluation. */
    private final ReadWriteLock loadLock = new ReentrantReadWriteLock();
    private volatile int port;

    DemoHandler(DemoOptions options, DemoWorld world, DemoFaults faults, DemoLogs logs, DemoConfigLoader loader) {
        this.options = options;
        this.world = world;
        this.faults = faults;
        this.logs = logs;
        this.loader = loader;
        this.pprof = new DemoPprof(options, world);
        this.streams = new Streams(world, options);
    }

    void port(int p) {
        this.port = p;
    }

    void close() {
        streams.close();
    }

    @Override
    public void handle(HttpExchange ex) {
        try (ex) {
            long slow = faults.slowMillis();
            if (slow > 0) Thread.sleep(slow);
            if (faults.authRequired() && !authorised(ex)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Restricted\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (faults.status500()) {
                HttpReplies.error(ex, 500, "simulated internal error: the demo's 500 fault is on");
                return;
            }
            route(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away or the server is stopping; nothing useful to send.
        }
    }

    private boolean authorised(HttpExchange ex) {
        String user = options.basicAuthUser();
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (user == null || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return false;
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            String expected = user + ":" + (options.basicAuthPassword() == null ? "" : options.basicAuthPassword());
            return java.security.MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void route(HttpExchange ex) throws IOException, InterruptedException {
        String path = ex.getRequestURI().getPath(); // decoded, as gorilla/mux matches
        String method = ex.getRequestMethod();
        String ui = options.uiPrefix();
        if (path.equals("/metrics")) {
            metrics(ex);
        } else if (path.equals("/-/ready")) {
            if (faults.notReady()) HttpReplies.text(ex, 503, "Alloy is not ready.\n");
            else HttpReplies.text(ex, 200, "Alloy is ready.\n");
        } else if (path.equals("/-/healthy")) {
            healthy(ex);
        } else if (path.equals("/-/reload") && (method.equals("GET") || method.equals("POST"))) {
            reload(ex);
        } else if (path.equals("/-/support") && method.equals("GET")) {
            HttpReplies.error(ex, 403, "support bundle generation is disabled; it can be re-enabled by removing the --server.http.disable-support-bundle flag");
        } else if (path.startsWith("/debug/pprof") && options.pprofEnabled() && !faults.pprofDisabled()) {
            pprof.handle(ex, path.substring("/debug/pprof".length()));
        } else if (path.startsWith("/api/v0/component/")) {
            componentHandler(ex, path.substring("/api/v0/component/".length()));
        } else if (path.startsWith(ui + "api/v0/web/")) {
            webApi(ex, path.substring((ui + "api/v0/web/").length()));
        } else if (path.startsWith(ui) || (path + "/").equals(ui)) {
            HttpReplies.indexHtml(ex);
        } else {
            HttpReplies.notFound(ex);
        }
    }

    // ---------------------------------------------------------------- /metrics

    private void metrics(HttpExchange ex) throws IOException {
        String text = world.read(MetricsText::render);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (faults.metricsGarbage()) {
            body = ("\u0000\u0001\u00ff garbage {{{ not=\"metrics\n<html><body>502 Bad Gateway</body></html>\n"
                    + "alloy_build_info{version=\"v1.18.0\" 1\n").getBytes(StandardCharsets.ISO_8859_1);
        } else if (faults.metricsTruncated()) {
            // Cut inside a label set, so the last line can never pass for a complete sample.
            int cut = (int) (body.length * 0.55);
            while (cut < body.length && body[cut] != '{') cut++;
            body = java.util.Arrays.copyOf(body, Math.min(body.length, cut + 6));
        }
        if (HttpReplies.acceptsGzip(ex.getRequestHeaders().get("Accept-Encoding"))) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            body = HttpReplies.gzip(body);
        }
        HttpReplies.send(ex, 200, HttpReplies.METRICS_TYPE, body);
    }

    // ---------------------------------------------------------------- /-/healthy and /-/reload

    private void healthy(HttpExchange ex) throws IOException {
        List<String> names = new ArrayList<>();
        loadLock.readLock().lock();
        try {
            world.read(v -> {
                for (DemoComponent c : v.components()) {
                    if (c.moduleID().isEmpty() && "unhealthy".equals(c.state)) names.add(c.decl.name());
                }
                return null;
            });
        } finally {
            loadLock.readLock().unlock();
        }
        if (names.isEmpty()) HttpReplies.text(ex, 200, "All Alloy components are healthy.\n");
        else HttpReplies.text(ex, 500, "unhealthy components: " + String.join(", ", names) + "\n");
    }

    private void reload(HttpExchange ex) throws IOException, InterruptedException {
        logs.reloadRequested(options.clock().instant());
        int status;
        String body;
        loadLock.writeLock().lock();
        try {
            long hold = faults.reloadHoldMillis();
            if (hold > 0) Thread.sleep(hold);
            LoadOutcome outcome;
            try {
                outcome = loader.load();
            } catch (RuntimeException e) {
                outcome = new LoadOutcome.SyntaxError(BuiltinConfig.CONFIG_PATH, String.valueOf(e.getMessage()));
            }
            if (outcome instanceof LoadOutcome.Ok) {
                List<ComponentDecl> decls = ((LoadOutcome.Ok) outcome).components();
                world.apply(decls);
                world.recordLoad(true, hashSource(decls));
                status = 200;
                body = "config reloaded";
            } else if (outcome instanceof LoadOutcome.EvalError) {
                LoadOutcome.EvalError e = (LoadOutcome.EvalError) outcome;
                world.apply(e.newComponents());
                world.recordLoad(true, hashSource(e.newComponents()));
                status = 400;
                body = "error during the initial load: " + e.message();
            } else {
                LoadOutcome.SyntaxError e = (LoadOutcome.SyntaxError) outcome;
                world.recordLoad(false, e.path() + e.message());
                status = 400;
                body = "reading config path \"" + e.path() + "\": " + e.message();
            }
        } finally {
            loadLock.writeLock().unlock();
        }
        if (status == 200) logs.reloaded(options.clock().instant());
        else logs.reloadFailed(options.clock().instant(), body);
        if (status == 200) HttpReplies.text(ex, 200, body + "\n");
        else HttpReplies.error(ex, status, body);
    }

    static String hashSource(List<ComponentDecl> decls) {
        StringBuilder sb = new StringBuilder();
        for (ComponentDecl d : decls) sb.append(d.globalID()).append(Json.write(d.arguments())).append('\n');
        return sb.toString();
    }

    // ---------------------------------------------------------------- /api/v0/component

    private void componentHandler(HttpExchange ex, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String sub = slash < 0 ? "" : rest.substring(slash + 1);
        if (id.equals("remotecfg") && slash >= 0) {
            int s2 = sub.indexOf('/');
            id = "remotecfg/" + (s2 < 0 ? sub : sub.substring(0, s2));
            sub = s2 < 0 ? "" : sub.substring(s2 + 1);
        }
        String found = id;
        boolean exists = world.read(v -> v.byId(found) != null);
        if (!exists) {
            HttpReplies.error(ex, 404, "component \"" + id + "\" not found");
            return;
        }
        if (id.contains("prometheus.exporter.") && sub.equals("metrics")) {
            String text = id.contains("prometheus.exporter.self") ? world.read(MetricsText::render) : NodeExporterText.render(world);
            HttpReplies.send(ex, 200, HttpReplies.METRICS_TYPE, text.getBytes(StandardCharsets.UTF_8));
        } else {
            HttpReplies.error(ex, 404, "component \"" + id + "\" does not have an HTTP handler for path \"/" + sub + "\"");
        }
    }

    // ---------------------------------------------------------------- {ui}/api/v0/web

    private void webApi(HttpExchange ex, String rest) throws IOException, InterruptedException {
        if (rest.equals("components")) {
            listModule(ex, "");
        } else if (rest.startsWith("components/") && rest.length() > "components/".length()) {
            detail(ex, rest.substring("components/".length()), false);
        } else if (rest.startsWith("modules/") && rest.endsWith("/components") && rest.length() > "modules//components".length() - 1) {
            String m = rest.substring("modules/".length(), rest.length() - "/components".length());
            // The root host knows nothing of the remote-config host's modules.
            if (isRemote(m)) HttpReplies.error(ex, 500, "module not found");
            else listModule(ex, m);
        } else if (rest.equals("remotecfg/components")) {
            listModule(ex, "remotecfg");
        } else if (rest.startsWith("remotecfg/modules/") && rest.endsWith("/components")) {
            String m = rest.substring("remotecfg/modules/".length(), rest.length() - "/components".length());
            listModule(ex, m.startsWith("remotecfg") ? m : "remotecfg/" + m);
        } else if (rest.startsWith("remotecfg/components/")) {
            detail(ex, rest.substring("remotecfg/components/".length()), true);
        } else if (rest.equals("peers")) {
            peers(ex);
        } else if (rest.equals("graph") || rest.startsWith("graph/")) {
            streams.graph(ex, rest.equals("graph") ? "" : rest.substring("graph/".length()));
        } else if (rest.startsWith("debug/")) {
            streams.debug(ex, rest.substring("debug/".length()));
        } else {
            HttpReplies.indexHtml(ex);
        }
    }

    private void listModule(HttpExchange ex, String moduleID) throws IOException {
        byte[] body;
        loadLock.readLock().lock();
        try {
            Clock clock = options.clock();
            body = world.read(v -> {
                if (!v.modules().contains(moduleID)) return null;
                ArrayNode a = AlloyJson.F.arrayNode();
                for (DemoComponent c : v.components()) {
                    if (c.moduleID().equals(moduleID)) a.add(ComponentJson.of(c, false, clock.getZone(), v.now()));
                }
                return bytes(a);
            });
        } finally {
            loadLock.readLock().unlock();
        }
        if (body == null) HttpReplies.error(ex, 500, "module not found");
        else HttpReplies.json(ex, 200, body);
    }

    private static boolean isRemote(String id) {
        return id.equals("remotecfg") || id.startsWith("remotecfg/");
    }

    private void detail(HttpExchange ex, String id, boolean remotecfg) throws IOException {
        if (!remotecfg && isRemote(id)) {
            HttpReplies.notFound(ex);
            return;
        }
        String globalId = id;
        if (remotecfg && !id.startsWith("remotecfg/")) globalId = "remotecfg/" + id;
        String gid = globalId;
        byte[] body;
        loadLock.readLock().lock();
        try {
            Clock clock = options.clock();
            body = world.read(v -> {
                DemoComponent c = v.byId(gid);
                if (c == null) return null;
                return bytes(ComponentJson.of(c, true, clock.getZone(), v.now()));
            });
        } finally {
            loadLock.readLock().unlock();
        }
        if (body == null) HttpReplies.notFound(ex);
        else HttpReplies.json(ex, 200, body);
    }

    private void peers(HttpExchange ex) throws IOException {
        ArrayNode a = AlloyJson.F.arrayNode();
        ObjectNode p = a.addObject();
        p.put("name", "demo-alloy");
        p.put("addr", "127.0.0.1:" + port);
        p.put("isSelf", true);
        p.put("state", "participant");
        HttpReplies.json(ex, 200, bytes(a));
    }

    static byte[] bytes(JsonNode node) {
        return Json.writeBytes(node);
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> m = new LinkedHashMap<>();
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return m;
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String val = eq < 0 ? "" : java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, val);
        }
        return m;
    }

    static void streamChunk(OutputStream os, String s) throws IOException {
        os.write(s.getBytes(StandardCharsets.UTF_8));
        os.flush();
    }
}
