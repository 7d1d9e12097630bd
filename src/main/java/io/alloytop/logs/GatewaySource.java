package io.alloytop.logs;

import io.alloytop.text.Sanitizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads a unit's journal from systemd-journal-gatewayd over HTTP ({@code GET /entries}, JSON lines).
 * The backlog comes from a {@code Range: entries=:-(N-1):} header; after a dropped connection it
 * resumes with {@code entries=CURSOR:1:}, the entry right after the last one received, so nothing
 * is shown twice or skipped. Reconnects back off from 250 ms to 10 s.
 *
 * <p>gatewayd's JSON sends MESSAGE as null when it is over 4096 bytes; such an entry is fetched
 * again in Journal Export Format, which carries it whole.
 */
public final class GatewaySource implements LogSource {
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 10_000;
    private static final int MAX_EXPORT_BYTES = 16 << 20;

    private final HttpUrl base;
    private final String unit;
    private final int lines;
    private final boolean follow;
    private final OkHttpClient client;
    private volatile boolean closed;
    private volatile Call current;
    private volatile String cursor;
    private String tailCursor;
    private boolean probed;
    private Thread thread;

    /** @param baseUrl gatewayd's address, e.g. http://host:19531 */
    public GatewaySource(String baseUrl, String unit, int lines, boolean follow) {
        HttpUrl u = HttpUrl.parse(baseUrl);
        if (u == null) throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        this.base = u;
        this.unit = unit;
        this.lines = lines;
        this.follow = follow;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(follow ? Duration.ZERO : Duration.ofSeconds(30)) // a quiet unit is not a dead link
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The cursor of the last entry received; null before the first. */
    public String cursor() {
        return cursor;
    }

    HttpUrl entriesUrl() {
        HttpUrl.Builder b = base.newBuilder().encodedPath("/entries");
        if (unit != null && !unit.isEmpty()) b.addQueryParameter("_SYSTEMD_UNIT", unit);
        if (follow) b.addQueryParameter("follow", null);
        return b.build();
    }

    /**
     * The Range header: after a drop, everything after the last cursor; at first, the last N.
     * gatewayd counts a negative skip back from the tail entry (":-K:" starts K before it, so K = N-1),
     * but reads "-0" as 0, i.e. the head: for N &lt;= 1 the tail's cursor is probed first.
     */
    String range() {
        String c = cursor;
        if (c != null) return "entries=" + c + ":1:";
        if (lines <= 1) {
            if (tailCursor == null) return "entries=:0:"; // nothing matched yet: everything from here on is new
            return "entries=" + tailCursor + (lines == 1 ? ":0:" : ":1:") + (follow ? "" : Integer.toString(lines));
        }
        return "entries=:-" + (lines - 1) + ":" + (follow ? "" : Integer.toString(lines));
    }

    /** Finds the cursor of the unit's newest entry (null when it has none). */
    private String probeTail() throws IOException {
        HttpUrl url = base.newBuilder().encodedPath("/entries").build();
        if (unit != null && !unit.isEmpty()) url = url.newBuilder().addQueryParameter("_SYSTEMD_UNIT", unit).build();
        Request req = new Request.Builder().url(url).header("Accept", "application/json").header("Range", "entries=:-1:2").build();
        String last = null;
        try (Response resp = client.newCall(req).execute()) {
            if (resp.code() != 200) throw new IOException("HTTP " + resp.code());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(resp.body().byteStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) if (!line.isBlank()) last = line;
            }
        }
        return last == null ? null : cursorOf(last);
    }

    /** The __CURSOR of a JSON entry line, read without parsing it (cursors hold no escapes). */
    static String cursorOf(String jsonLine) {
        int at = jsonLine.indexOf("\"__CURSOR\":\"");
        if (at < 0) return null;
        int from = at + "\"__CURSOR\":\"".length();
        int to = jsonLine.indexOf('"', from);
        return to < 0 ? null : jsonLine.substring(from, to);
    }

    @Override
    public void start(LogSink sink) {
        thread = new Thread(() -> run(sink), "alloytop-gatewayd");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LogSink sink) {
        JournalDecoder decoder = new JournalDecoder(unit);
        long backoff = MIN_BACKOFF_MS;
        boolean wasDown = false;
        try {
            while (!closed) {
                if (cursor == null && lines <= 1 && !probed) {
                    try {
                        tailCursor = probeTail();
                        probed = true;
                    } catch (IOException e) {
                        if (closed) return;
                        sink.status("cannot reach gatewayd at " + base + ": " + describe(e)
                                + (follow ? "; retrying in " + backoff + " ms" : ""), true);
                        if (!follow) return;
                        wasDown = true;
                        Thread.sleep(backoff);
                        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                        continue;
                    }
                    if (!follow && (lines == 0 || tailCursor == null)) return;
                }
                Request req = new Request.Builder().url(entriesUrl())
                        .header("Accept", "application/json")
                        .header("Range", range())
                        .header("Connection", "close") // a reconnect must never pick up a pooled, half-dead socket
                        .build();
                Call call = client.newCall(req);
                current = call;
                String problem;
                try (Response resp = call.execute()) {
                    if (resp.code() == 200) {
                        if (wasDown) sink.status("reconnected to " + base, false);
                        wasDown = false;
                        backoff = MIN_BACKOFF_MS;
                        read(resp.body(), decoder, sink);
                        if (!follow) return;
                        problem = "gatewayd closed the stream";
                    } else {
                        problem = "gatewayd answered HTTP " + resp.code() + " " + Sanitizer.line(resp.message());
                    }
                } catch (IOException e) {
                    if (closed) return;
                    problem = "cannot reach gatewayd at " + base + ": " + describe(e);
                }
                if (closed) return;
                if (!follow) {
                    sink.status(problem, true);
                    return;
                }
                sink.status(problem + "; retrying in " + backoff + " ms", true);
                wasDown = true;
                Thread.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.finished();
        }
    }

    private void read(ResponseBody body, JournalDecoder decoder, LogSink sink) throws IOException {
        Batcher batcher = new Batcher(sink);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body.byteStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !alreadySeen(line)) {
                    List<LogEntry> decoded = decoder.decodeLine(line);
                    for (LogEntry e : decoded) {
                        LogEntry full = e.truncated() && e.cursor() != null ? refetch(e) : e;
                        batcher.add(full);
                        if (e.cursor() != null) cursor = e.cursor();
                    }
                }
                batcher.maybeFlush(in.ready());
            }
        } finally {
            batcher.flush();
        }
    }

    /**
     * gatewayd cannot skip past the tail: asked for "the entry after CURSOR" when CURSOR is the newest,
     * it sends CURSOR's entry again. The reconnect and the zero backlog both land there when nothing new
     * was written, so that one entry is dropped here.
     */
    private boolean alreadySeen(String line) {
        String seen = cursor != null ? cursor : lines == 0 ? tailCursor : null;
        return seen != null && seen.equals(cursorOf(line));
    }

    /** Gets one entry again in export format, whose values have no size limit; the notice stays on failure. */
    private LogEntry refetch(LogEntry truncated) {
        Request req = new Request.Builder().url(base.newBuilder().encodedPath("/entries").build())
                .header("Accept", "application/vnd.fdo.journal")
                .header("Range", "entries=" + truncated.cursor() + ":0:1")
                .build();
        try (Response resp = client.newBuilder().readTimeout(Duration.ofSeconds(10)).build().newCall(req).execute()) {
            if (resp.code() != 200) return truncated;
            return fromExport(resp.body().byteStream().readNBytes(MAX_EXPORT_BYTES), truncated);
        } catch (IOException | RuntimeException e) {
            return truncated;
        }
    }

    static LogEntry fromExport(byte[] raw, LogEntry truncated) {
        Map<String, byte[]> fields = ExportFormat.firstEntry(raw);
        byte[] cursorField = fields.get("__CURSOR");
        byte[] msg = fields.get("MESSAGE");
        if (msg == null || cursorField == null
                || !new String(cursorField, StandardCharsets.UTF_8).equals(truncated.cursor())) {
            return truncated;
        }
        return LineParser.parse(Sanitizer.decode(msg), truncated.time(), truncated.cursor());
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) return "timed out";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m != null ? " " + Sanitizer.line(m) : "");
    }

    @Override
    public String describe() {
        return "gatewayd: " + unit + " at " + base;
    }

    @Override
    public void close() {
        closed = true;
        Call c = current;
        if (c != null) c.cancel();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
