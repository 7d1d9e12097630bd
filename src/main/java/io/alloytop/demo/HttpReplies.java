package io.alloytop.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** The few ways Go's net/http and Alloy's handlers write responses, reproduced byte for byte where it matters. */
final class HttpReplies {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";

    static final String INDEX_HTML = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
            + "<link rel=\"icon\" href=\"./favicon.ico\"/><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"/>"
            + "<meta name=\"theme-color\" content=\"#000000\"/><meta name=\"description\" content=\"Grafana Alloy\"/>"
            + "<base href=\"/\"/><title>Grafana Alloy</title><script defer=\"defer\" src=\"./static/js/main.3c1f0f4e.js\"></script>"
            + "<link href=\"./static/css/main.8a5d2c1b.css\" rel=\"stylesheet\"></head><body>"
            + "<noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div></body></html>";

    private HttpReplies() {}

    /** Like http.Error: text/plain, nosniff, message plus a newline. */
    static void error(HttpExchange ex, int status, String message) throws IOException {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(ex, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    static void indexHtml(HttpExchange ex) throws IOException {
        send(ex, 200, "text/html; charset=utf-8", INDEX_HTML.getBytes(StandardCharsets.UTF_8));
    }

    static void notFound(HttpExchange ex) throws IOException {
        error(ex, 404, "404 page not found");
    }

    /**
     * The JSON API routes: no Content-Type from the handler, so Go sniffs "text/plain; charset=utf-8";
     * Prometheus' CompressionHandler compresses only for an Accept-Encoding token that is exactly
     * "gzip" or "deflate", and then no Content-Type is sent at all (facts §0.2, §1.2).
     */
    static void json(HttpExchange ex, int status, byte[] json) throws IOException {
        String encoding = exactEncoding(ex.getRequestHeaders().get("Accept-Encoding"));
        if (encoding == null) {
            send(ex, status, TEXT, json);
            return;
        }
        ex.getResponseHeaders().set("Content-Encoding", encoding);
        send(ex, status, null, "gzip".equals(encoding) ? gzip(json) : deflate(json));
    }

    static String exactEncoding(java.util.List<String> headers) {
        if (headers == null) return null;
        for (String h : headers) {
            for (String token : h.split(",")) {
                String t = token.trim();
                if (t.equals("gzip") || t.equals("deflate")) return t;
            }
        }
        return null;
    }

    /** promhttp's negotiation for /metrics: gzip when offered with a non-zero q (or via "*"). */
    static boolean acceptsGzip(java.util.List<String> headers) {
        if (headers == null) return false;
        for (String h : headers) {
            for (String token : h.split(",")) {
                String[] parts = token.trim().split(";");
                String coding = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
                if (!coding.equals("gzip") && !coding.equals("*")) continue;
                double q = 1;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                if (q > 0) return true;
            }
        }
        return false;
    }

    static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED); // as Go servers favour speed for live responses
            }
        }) {
            gz.write(in);
        }
        return bos.toByteArray();
    }

    private static byte[] deflate(byte[] in) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(in.length / 4 + 64);
        try (DeflaterOutputStream d = new DeflaterOutputStream(bos)) {
            d.write(in);
        }
        return bos.toByteArray();
    }
}
