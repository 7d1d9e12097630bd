package io.alloytop.pprof;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches /debug/pprof/* with OkHttp, on its own small client so it can move onto the shared
 * AlloyApi later. Every failure becomes a {@link Failure} whose message says what happened in
 * Alloy's terms (pprof disabled, a CPU profile already running, Alloy gone mid-capture).
 */
public final class ProfileFetcher implements AutoCloseable {
    /** Profiles of a busy Alloy run to tens of MB; far beyond this is not a profile. */
    public static final int MAX_BYTES = 512 << 20;

    private final ConnectionSettings settings;
    private final OkHttpClient client;

    public ProfileFetcher(ConnectionSettings settings) {
        this.settings = settings;
        OkHttpClient.Builder b = new OkHttpClient.Builder();
        try {
            io.alloytop.alloy.HttpTls.apply(b, settings);
        } catch (IOException e) {
            // Target.open has already checked these files; reaching here means they changed since.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.client = b
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                // A silent retry after a reset would start a fresh capture against a restarted Alloy.
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The read timeout for a capture: the server is silent for {@code seconds}, then answers. */
    public Duration readTimeout(ProfileType type, int seconds) {
        return type.timed() ? settings.timeout().plusSeconds(seconds) : settings.timeout();
    }

    public String url(ProfileType type, int seconds) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        return base + type.path() + (type.timed() ? "?seconds=" + seconds : "");
    }

    /** A request ready to run on a worker thread; {@link Pending#cancel()} may come from any thread. */
    public Pending prepare(ProfileType type, int seconds) {
        if (type.timed() && seconds < 1) throw new IllegalArgumentException("seconds must be at least 1");
        Request.Builder rb = new Request.Builder().url(url(type, seconds)).get();
        if (settings.username() != null) {
            rb.header("Authorization", Credentials.basic(settings.username(),
                    settings.password() == null ? "" : settings.password(), StandardCharsets.UTF_8));
        } else if (settings.bearerToken() != null) {
            rb.header("Authorization", "Bearer " + settings.bearerToken());
        }
        OkHttpClient c = client.newBuilder().readTimeout(readTimeout(type, seconds)).build();
        return new Pending(c.newCall(rb.build()), type, seconds);
    }

    public final class Pending {
        private final Call call;
        private final ProfileType type;
        private final int seconds;

        private Pending(Call call, ProfileType type, int seconds) {
            this.call = call;
            this.type = type;
            this.seconds = seconds;
        }

        public void cancel() {
            call.cancel();
        }

        public Result<byte[]> execute() {
            String url = call.request().url().toString();
            boolean answered = false;
            try (Response r = call.execute()) {
                answered = true;
                byte[] body = readLimited(r.body().byteStream());
                return ProfileResponses.interpret(type, seconds, r.code(), body, url);
            } catch (TooLarge e) {
                return Result.err(Failure.Kind.TOO_LARGE, "the " + type.id() + " profile from " + url
                        + " is larger than " + (MAX_BYTES >> 20) + " MB; not saved");
            } catch (IOException e) {
                if (call.isCanceled()) return Result.err(Failure.Kind.IO, "capture cancelled");
                return Result.err(describe(e, answered, url));
            }
        }

        private Failure describe(IOException e, boolean answered, String url) {
            if (e instanceof UnknownHostException) {
                return new Failure(Failure.Kind.DNS, "cannot resolve the host of " + url);
            }
            if (e instanceof ConnectException) {
                return new Failure(Failure.Kind.REFUSED, "cannot connect to " + url + " (connection refused: is Alloy running?)");
            }
            if (e instanceof SSLException) {
                return new Failure(Failure.Kind.TLS, "TLS handshake with " + url + " failed: " + e.getMessage()
                        + " (see --ca-file, --truststore)");
            }
            if (e instanceof SocketTimeoutException) {
                String what = type.timed()
                        ? "no answer within " + readTimeout(type, seconds).toSeconds() + " s, although the "
                          + type.id() + " capture itself takes " + seconds + " s: Alloy may be overloaded or a proxy cut the"
                          + " request short; raise --timeout (it is added to --seconds)"
                        : "no answer within " + settings.timeout().toSeconds() + " s; raise --timeout";
                return new Failure(Failure.Kind.TIMEOUT, type.id() + " profile from " + url + ": " + what);
            }
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String when = type.timed() && !answered ? " during the " + seconds + " s " + type.id() + " capture" : "";
            return new Failure(Failure.Kind.IO, "the connection to Alloy was lost" + when
                    + " (" + msg + "): did Alloy restart or crash? No profile was saved");
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        byte[] buf = new byte[64 << 10];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > MAX_BYTES) throw new TooLarge();
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
