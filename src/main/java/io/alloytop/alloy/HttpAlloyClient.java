package io.alloytop.alloy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.alloytop.json.Json;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.PromParseException;
import io.alloytop.metrics.PromTextParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@link AlloyApi} over OkHttp, following the quirks of alloy-facts.md: JSON is recognised by
 * path (never by Content-Type), a 200 body that starts with {@code <} is the UI's SPA fallback
 * meaning "this Alloy does not serve that", every read is bounded, and every failure is a
 * {@link Failure} value with a message a user can act on.
 */
public final class HttpAlloyClient implements AlloyApi {
    public static final long MAX_METRICS_BYTES = 32L << 20;
    public static final long MAX_JSON_BYTES = 32L << 20;
    public static final long MAX_RAW_BYTES = 128L << 20;
    /** Status bodies are only ever shown as excerpts. */
    private static final long MAX_ERROR_BODY = 64L << 10;
    /** A reload holds Alloy's API lock for the whole graph evaluation (facts §0.6). */
    private static final Duration MIN_RELOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final int MAX_MODULES = 10_000;
    private static final int WALK_PARALLELISM = 4;
    private static final long SEQUENTIAL_WALK_BUDGET_NANOS = 20_000_000L;
    private static final String REMOTECFG = "remotecfg";

    private final ConnectionSettings settings;
    private final HttpUrl base;
    private final List<String> uiSegments;
    private final OkHttpClient http;
    private final Excerpt excerpt;
    private ExecutorService walkers; // created on first use: most configs have few modules
    /** A moving average of GET round trips; MAX_VALUE until the first one. */
    private volatile long recentRoundTripNanos = Long.MAX_VALUE;

    private HttpAlloyClient(ConnectionSettings settings, HttpUrl base, OkHttpClient http) {
        this.settings = settings;
        this.base = base;
        this.http = http;
        this.excerpt = new Excerpt(settings);
        List<String> ui = new ArrayList<>();
        String prefix = settings.uiPrefix() == null ? "/" : settings.uiPrefix();
        for (String seg : prefix.split("/")) if (!seg.isEmpty()) ui.add(seg);
        this.uiSegments = List.copyOf(ui);
    }

    /** Builds a client; Err(IO) for an unusable URL, Err(TLS) for an unreadable CA file or truststore. */
    public static Result<HttpAlloyClient> create(ConnectionSettings s) {
        HttpUrl base = parseBaseUrl(s.baseUrl());
        if (base == null) {
            return Result.err(Failure.Kind.IO, "'" + s.baseUrl() + "' is not an http:// or https:// URL (check --url)");
        }
        // never unbounded: OkHttp reads 0 as "no timeout", and a reload can hold Alloy's API for minutes
        Duration t = s.timeout() == null ? Duration.ofSeconds(5)
                : s.timeout().compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : s.timeout();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(t)
                .readTimeout(t)
                .writeTimeout(t)
                .callTimeout(t)
                .addInterceptor(chain -> chain.proceed(authorize(chain.request().newBuilder(), s)
                        .header("User-Agent", "alloytop").build()));
        try {
            HttpTls.use(b, TlsSetup.build(s), base.isHttps());
        } catch (GeneralSecurityException | IOException e) {
            String what = s.truststore() != null ? "--truststore " + s.truststore() : "--ca-file " + s.caFile();
            return Result.err(Failure.Kind.TLS, "cannot use " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return Result.ok(new HttpAlloyClient(s.withTimeout(t), base, b.build()));
    }

    /** Accepts "host:port" as a shorthand for http://host:port, as users type it. */
    static HttpUrl parseBaseUrl(String url) {
        if (url == null || url.isBlank()) return null;
        String u = url.strip();
        if (!u.contains("://")) u = "http://" + u;
        return HttpUrl.parse(u);
    }

    private static Request.Builder authorize(Request.Builder rb, ConnectionSettings s) {
        if (s.username() != null) {
            rb.header("Authorization", Credentials.basic(s.username(), s.password() == null ? "" : s.password(),
                    StandardCharsets.UTF_8));
        } else if (s.bearerToken() != null) {
            rb.header("Authorization", "Bearer " + s.bearerToken());
        }
        return rb;
    }

    @Override
    public String baseUrl() {
        String u = base.toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    // ---- URLs -------------------------------------------------------------------------------

    private HttpUrl root(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    /** {ui}/api/v0/web/... : only these routes move with --ui-prefix (facts §0.7). */
    private HttpUrl web(String... parts) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : uiSegments) b.addPathSegment(s);
        b.addPathSegments("api/v0/web");
        for (String p : parts) b.addPathSegments(p);
        return b.build();
    }

    // ---- wire --------------------------------------------------------------------------------

    /** A status and a bounded body; transport problems are already Failures. */
    private record Resp(int code, byte[] body, HttpUrl url) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Result<Resp> fetch(Request req, long maxBytes, Duration callTimeout) {
        OkHttpClient c = callTimeout == null ? http
                : http.newBuilder().callTimeout(callTimeout).readTimeout(callTimeout).build();
        try (Response r = c.newCall(req).execute()) {
            long limit = r.code() == 200 ? maxBytes : MAX_ERROR_BODY;
            byte[] body;
            try {
                body = LimitedInputStream.readAll(r.body().byteStream(), limit);
            } catch (LimitedInputStream.TooLarge e) {
                if (r.code() != 200) {
                    body = new byte[0];
                } else {
                    return Result.err(tooLarge(req.url(), maxBytes));
                }
            }
            return Result.ok(new Resp(r.code(), body, req.url()));
        } catch (IOException e) {
            return Result.err(Failures.fromException(e, req.url(), callTimeout == null ? settings.timeout() : callTimeout));
        }
    }

    @Override
    public Result<java.io.InputStream> openWebStream(String pathAndQuery, Duration readTimeout) {
        int q = pathAndQuery.indexOf('?');
        HttpUrl url = web(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) url = url.newBuilder().encodedQuery(pathAndQuery.substring(q + 1)).build();
        OkHttpClient c = http.newBuilder().callTimeout(Duration.ZERO).readTimeout(readTimeout).build();
        Request req = new Request.Builder().url(url).get().build(); // the interceptor authorizes
        Response r = null;
        try {
            r = c.newCall(req).execute();
            if (r.code() != 200) {
                byte[] body = LimitedInputStream.readAll(r.body().byteStream(), MAX_ERROR_BODY);
                r.close();
                return Result.err(status(new Resp(r.code(), body, url)));
            }
            return Result.ok(r.body().byteStream());
        } catch (LimitedInputStream.TooLarge e) {
            r.close();
            return Result.err(Failure.Kind.BAD_RESPONSE, url.encodedPath() + " answered with an oversized error");
        } catch (IOException e) {
            if (r != null) r.close();
            return Result.err(Failures.fromException(e, url, readTimeout));
        }
    }

    private Result<Resp> get(HttpUrl url, long maxBytes) {
        long t0 = System.nanoTime();
        Result<Resp> r = fetch(new Request.Builder().url(url).get().build(), maxBytes, null);
        long took = System.nanoTime() - t0;
        long avg = recentRoundTripNanos;
        recentRoundTripNanos = avg == Long.MAX_VALUE ? took : avg + (took - avg) / 4;
        return r;
    }

    /**
     * Whether {@code n} module lists are worth fetching on several threads: only when, one after
     * another, they would take longer than {@link #SEQUENTIAL_WALK_BUDGET_NANOS}. Over loopback a
     * list takes ~1 ms, and waking four threads for it costs more CPU than the lists themselves.
     */
    boolean walkInParallel(int n) {
        long avg = recentRoundTripNanos;
        return n > 1 && (avg == Long.MAX_VALUE || avg * n > SEQUENTIAL_WALK_BUDGET_NANOS);
    }

    private Failure tooLarge(HttpUrl url, long max) {
        return new Failure(Failure.Kind.TOO_LARGE, url.encodedPath() + " sent more than " + (max >> 20)
                + " MiB; alloytop stops reading there");
    }

    private Failure status(Resp r) {
        return Failures.fromStatus(r.code(), r.text(), r.url(), settings, excerpt);
    }

    private static boolean looksLikeHtml(byte[] b) {
        for (int i = 0; i < b.length && i < 512; i++) {
            int c = b[i] & 0xff;
            if (c == 0xEF || c == 0xBB || c == 0xBF || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
            return c == '<';
        }
        return false;
    }

    private static Failure notServed(HttpUrl url, String what) {
        return new Failure(Failure.Kind.NOT_SUPPORTED, "this Alloy does not serve " + what + " ("
                + url.encodedPath() + " answered with the web UI page; older Alloy, or not Alloy)");
    }

    private Result<JsonNode> json(Resp r, String what) {
        if (looksLikeHtml(r.body())) return Result.err(notServed(r.url(), what));
        try {
            JsonNode n = Json.read(r.body());
            if (n == null || n.isMissingNode()) {
                return Result.err(Failure.Kind.BAD_RESPONSE, "empty answer from " + r.url().encodedPath()
                        + " where JSON was expected");
            }
            return Result.ok(n);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String pos = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            if (nl >= 0) msg = msg.substring(0, nl);
            return Result.err(Failure.Kind.BAD_RESPONSE, "bad JSON from " + r.url().encodedPath() + pos + ": "
                    + excerpt.of(msg, 160));
        } catch (IOException e) {
            return Result.err(Failure.Kind.BAD_RESPONSE, "bad JSON from " + r.url().encodedPath() + ": " + e.getMessage());
        }
    }

    private Result<JsonNode> getJson(HttpUrl url, String what) {
        Result<Resp> r = get(url, MAX_JSON_BYTES);
        if (!r.isOk()) return Result.err(r.failureOrNull());
        Resp resp = r.orNull();
        if (resp.code() != 200) return Result.err(status(resp));
        return json(resp, what);
    }

    private Result<List<Component>> componentList(Resp resp, String what) {
        Result<JsonNode> n = json(resp, what);
        if (!n.isOk()) return Result.err(n.failureOrNull());
        JsonNode arr = n.orNull();
        if (!arr.isArray()) {
            return Result.err(Failure.Kind.BAD_RESPONSE, resp.url().encodedPath() + " did not answer a JSON array");
        }
        List<Component> out = new ArrayList<>(arr.size());
        for (JsonNode c : arr) if (c.isObject()) out.add(ComponentJson.component(c));
        return Result.ok(out);
    }

    // ---- API ---------------------------------------------------------------------------------

    @Override
    public Result<List<Component>> allComponents() {
        List<Component> out = new ArrayList<>();
        Result<Resp> root = get(web("components"), MAX_JSON_BYTES);
        if (!root.isOk()) return Result.err(root.failureOrNull());
        if (root.orNull().code() != 200) return Result.err(status(root.orNull()));
        Result<List<Component>> rootList = componentList(root.orNull(), "the component list");
        if (!rootList.isOk()) return rootList;
        Failure f = walk(rootList.orNull(), false, out);
        if (f != null) return Result.err(f);

        // Remote config is optional: 500 while it starts or when the service is absent, HTML
        // before 1.4, 404 behind some proxies; none of these spoil the root list.
        Result<Resp> rc = get(web(REMOTECFG, "components"), MAX_JSON_BYTES);
        if (!rc.isOk()) return Result.err(rc.failureOrNull());
        Resp rcr = rc.orNull();
        if (rcr.code() == 200 && !looksLikeHtml(rcr.body())) {
            Result<List<Component>> rcList = componentList(rcr, "the remote config component list");
            if (!rcList.isOk()) return rcList;
            f = walk(rcList.orNull(), true, out);
            if (f != null) return Result.err(f);
        } else if (rcr.code() == 401 || rcr.code() == 403) {
            return Result.err(status(rcr));
        }
        return Result.ok(List.copyOf(out));
    }

    /**
     * Adds {@code first} and every module reached through createdModuleIDs, breadth first. The
     * modules of one level are fetched a few at a time: a foreach with hundreds of items must not
     * turn one poll into hundreds of sequential round trips.
     */
    private Failure walk(List<Component> first, boolean remotecfg, List<Component> out) {
        out.addAll(first);
        Set<String> seen = new HashSet<>();
        List<String> level = new ArrayList<>();
        for (Component c : first) for (String id : c.createdModuleIDs()) if (seen.add(id)) level.add(id);
        while (!level.isEmpty()) {
            List<CompletableFuture<Result<Resp>>> pending = new ArrayList<>(level.size());
            boolean parallel = walkInParallel(level.size());
            long levelStart = System.nanoTime();
            for (String id : level) {
                // lists slower than the last round trips promised: the rest of this level overlaps
                if (!parallel && System.nanoTime() - levelStart > SEQUENTIAL_WALK_BUDGET_NANOS) parallel = true;
                HttpUrl url = remotecfg ? web(REMOTECFG, "modules", id, "components") : web("modules", id, "components");
                if (parallel) {
                    pending.add(CompletableFuture.supplyAsync(() -> get(url, MAX_JSON_BYTES), walkers()));
                } else {
                    Result<Resp> r = get(url, MAX_JSON_BYTES);
                    pending.add(CompletableFuture.completedFuture(r));
                    if (!r.isOk()) break; // a stalled Alloy: one timeout, not one per module
                }
            }
            List<String> next = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Result<Resp> r = pending.get(i).join();
                if (!r.isOk()) return r.failureOrNull();
                Resp resp = r.orNull();
                if (resp.code() == 500 && resp.text().toLowerCase(Locale.ROOT).contains("not found")) {
                    continue; // the module went away between the two requests (a reload ran)
                }
                if (resp.code() != 200) return status(resp);
                Result<List<Component>> list = componentList(resp, "module " + level.get(i));
                if (!list.isOk()) return list.failureOrNull();
                for (Component c : list.orNull()) {
                    out.add(c);
                    for (String id : c.createdModuleIDs()) {
                        if (seen.size() < MAX_MODULES && seen.add(id)) next.add(id);
                    }
                }
            }
            level = next;
        }
        return null;
    }

    private synchronized ExecutorService walkers() {
        if (walkers == null) {
            walkers = IdlePool.of(WALK_PARALLELISM, "alloytop-module-walk");
        }
        return walkers;
    }

    @Override
    public Result<Component> component(String globalId) {
        if (globalId == null || globalId.isEmpty()) return Result.err(Failure.Kind.IO, "empty component ID");
        // ParseID on Alloy's side splits at the last '/'; the module part says which host owns it.
        int slash = globalId.lastIndexOf('/');
        String module = slash < 0 ? "" : globalId.substring(0, slash);
        boolean remote = module.equals(REMOTECFG) || module.startsWith(REMOTECFG + "/");
        HttpUrl url = remote ? web(REMOTECFG, "components", globalId) : web("components", globalId);
        Result<Resp> r = get(url, MAX_JSON_BYTES);
        if (!r.isOk()) return Result.err(r.failureOrNull());
        Resp resp = r.orNull();
        if (resp.code() == 404) {
            return Result.err(Failure.Kind.HTTP_STATUS, "component " + clean(globalId)
                    + " not found (a reload may have removed it)");
        }
        if (resp.code() != 200) return Result.err(status(resp));
        Result<JsonNode> n = json(resp, "component details");
        if (!n.isOk()) return Result.err(n.failureOrNull());
        if (!n.orNull().isObject()) {
            return Result.err(Failure.Kind.BAD_RESPONSE, url.encodedPath() + " did not answer a JSON object");
        }
        return Result.ok(ComponentJson.component(n.orNull()));
    }

    @Override
    public Result<MetricsSnapshot> metrics() {
        HttpUrl url = root("metrics");
        // Text format only: protobuf would be negotiated if asked for, and OpenMetrics is not offered.
        Request req = new Request.Builder().url(url).get()
                .header("Accept", "text/plain;version=0.0.4;q=1.0,*/*;q=0.1").build();
        try (Response r = http.newCall(req).execute()) {
            if (r.code() != 200) {
                byte[] body;
                try {
                    body = LimitedInputStream.readAll(r.body().byteStream(), MAX_ERROR_BODY);
                } catch (LimitedInputStream.TooLarge e) {
                    body = new byte[0];
                }
                return Result.err(status(new Resp(r.code(), body, url)));
            }
            BufferedInputStream in = new BufferedInputStream(r.body().byteStream(), 1 << 16);
            in.mark(512);
            byte[] head = in.readNBytes(512);
            in.reset();
            if (looksLikeHtml(head)) {
                return Result.err(Failure.Kind.NOT_ALLOY, "not Alloy: " + baseUrl()
                        + "/metrics answered with an HTML page, not Prometheus metrics; check --url");
            }
            LimitedInputStream limited = new LimitedInputStream(in, MAX_METRICS_BYTES);
            try {
                return Result.ok(PromTextParser.parse(limited, MAX_METRICS_BYTES));
            } catch (PromParseException e) {
                if (limited.exceeded() || (e.line() == 0 && String.valueOf(e.getMessage()).contains("too large"))) {
                    return Result.err(tooLarge(url, MAX_METRICS_BYTES));
                }
                return Result.err(Failure.Kind.BAD_RESPONSE, "bad /metrics from " + baseUrl() + ": "
                        + excerpt.of(String.valueOf(e.getMessage()), 200));
            }
        } catch (LimitedInputStream.TooLarge e) {
            return Result.err(tooLarge(url, MAX_METRICS_BYTES));
        } catch (IOException e) {
            return Result.err(Failures.fromException(e, url, settings.timeout()));
        }
    }

    @Override
    public Result<Boolean> ready() {
        Result<Resp> r = get(root("-/ready"), MAX_ERROR_BODY);
        if (!r.isOk()) return Result.err(r.failureOrNull());
        Resp resp = r.orNull();
        if (resp.code() == 200) return Result.ok(true);
        if (resp.code() == 503) return Result.ok(false);
        return Result.err(status(resp));
    }

    /** /-/healthy (1.6+): Ok(body) on 200; Err(HTTP_STATUS, "unhealthy components: ...") on 500. */
    @Override
    public Result<String> healthy() {
        HttpUrl url = root("-/healthy");
        Result<Resp> r = get(url, MAX_ERROR_BODY);
        if (!r.isOk()) return Result.err(r.failureOrNull());
        Resp resp = r.orNull();
        if (resp.code() == 200 && looksLikeHtml(resp.body())) return Result.err(notServed(url, "/-/healthy"));
        if (resp.code() == 200) return Result.ok(excerpt.of(resp.text(), 2000));
        return Result.err(status(resp));
    }

    @Override
    public Result<List<Peer>> peers() {
        Result<JsonNode> n = getJson(web("peers"), "the cluster peer list");
        if (!n.isOk()) return Result.err(n.failureOrNull());
        if (!n.orNull().isArray()) {
            return Result.err(Failure.Kind.BAD_RESPONSE, "the peer list is not a JSON array");
        }
        List<Peer> out = new ArrayList<>();
        for (JsonNode p : n.orNull()) if (p.isObject()) out.add(ComponentJson.peer(p));
        return Result.ok(out);
    }

    @Override
    public Result<String> reload() {
        HttpUrl url = root("-/reload");
        Duration t = settings.timeout().compareTo(MIN_RELOAD_TIMEOUT) > 0 ? settings.timeout() : MIN_RELOAD_TIMEOUT;
        Result<Resp> r = fetch(new Request.Builder().url(url).post(RequestBody.EMPTY).build(), MAX_ERROR_BODY, t);
        if (!r.isOk()) return Result.err(r.failureOrNull());
        Resp resp = r.orNull();
        if (resp.code() == 200 && looksLikeHtml(resp.body())) return Result.err(notServed(url, "/-/reload"));
        if (resp.code() == 200) return Result.ok(resp.text().strip());
        if (resp.code() == 400) {
            // the body is Alloy's config error, which the user needs in full (bounded)
            return Result.err(Failure.Kind.HTTP_STATUS, "reload failed: " + excerpt.of(resp.text(), 4000));
        }
        return Result.err(status(resp));
    }

    /**
     * Raw GET (pprof and friends). A 200 body starting with {@code <} is NOT_SUPPORTED, except
     * for paths ending in '/', which are HTML indexes on purpose.
     */
    @Override
    public Result<byte[]> getBytes(String path, Duration readTimeout) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        String query = null;
        int q = p.indexOf('?');
        if (q >= 0) {
            query = p.substring(q + 1);
            p = p.substring(0, q);
        }
        HttpUrl.Builder b = base.newBuilder().addPathSegments(p);
        if (query != null) b.encodedQuery(query);
        HttpUrl url = b.build();
        Duration t = readTimeout == null ? settings.timeout() : readTimeout.plus(settings.timeout());
        Result<Resp> r = fetch(new Request.Builder().url(url).get().build(), MAX_RAW_BYTES, t);
        if (!r.isOk()) return Result.err(r.failureOrNull());
        Resp resp = r.orNull();
        if (resp.code() != 200) return Result.err(status(resp));
        if (!p.endsWith("/") && !p.isEmpty() && looksLikeHtml(resp.body())) {
            return Result.err(notServed(url, "/" + p));
        }
        return Result.ok(resp.body());
    }

    private static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", "");
    }

    @Override
    public void close() {
        synchronized (this) {
            if (walkers != null) walkers.shutdownNow();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "HttpAlloyClient[" + settings + "]";
    }
}
