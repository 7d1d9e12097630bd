package io.alloytop.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP server on 127.0.0.1 answering exact raw paths, used to reproduce Alloy's wire
 * quirks (text/plain JSON, no Content-Type with gzip, SPA fallback) byte for byte.
 */
public final class FakeHttp implements AutoCloseable {
    public interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    static {
        // as Go's net/http does: without it Nagle and delayed ACKs add ~40 ms to small replies
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public final HttpServer server;
    public final Map<String, Handler> routes = new ConcurrentHashMap<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    public volatile Handler fallback = ex -> send(ex, 200, "text/html; charset=utf-8",
            "<!doctype html><html><head><title>Grafana Alloy</title></head><body></body></html>");

    private FakeHttp(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            try {
                String p = ex.getRequestURI().getRawPath();
                requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
                headers.add(Map.copyOf(ex.getRequestHeaders()));
                routes.getOrDefault(p, fallback).handle(ex);
            } catch (IOException | RuntimeException e) {
                // the client side of a test may have gone away on purpose (timeouts)
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public static FakeHttp start() throws IOException {
        return new FakeHttp(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    public static FakeHttp startTls(SSLContext ctx) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        return new FakeHttp(s);
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FakeHttp route(String path, Handler h) {
        routes.put(path, h);
        return this;
    }

    /** Like Go's net/http for Alloy's JSON routes: text/plain after sniffing. */
    public FakeHttp textJson(String path, String body) {
        return route(path, ex -> send(ex, 200, "text/plain; charset=utf-8", body));
    }

    public FakeHttp status(String path, int code, String body) {
        return route(path, ex -> send(ex, code, "text/plain; charset=utf-8", body));
    }

    /** Like Prometheus' CompressionHandler: gzip only for an exact "gzip" token, and no Content-Type. */
    public static void sendGzipNoType(HttpExchange ex, String body) throws IOException {
        boolean gzip = false;
        for (String v : ex.getRequestHeaders().getOrDefault("Accept-Encoding", List.of())) {
            for (String tok : v.split(",")) if (tok.strip().equals("gzip")) gzip = true;
        }
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
                gz.write(raw);
            }
            raw = bo.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.sendResponseHeaders(200, raw.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(raw);
        }
    }

    public static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
