package io.alloytop.forward;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import okhttp3.Credentials;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The pre-flight: one small, harmless write per endpoint with the real credentials, so "cannot
 * reach", "key refused" and "fine" are told apart before Alloy is touched.
 * <ul>
 * <li>metrics: POST of an empty remote-write request (snappy of an empty protobuf is the single
 *     byte 0x00). 2xx, or 400 (a receiver that rejects an empty batch after authenticating), is ok;
 *     401/403 is credentials refused.</li>
 * <li>logs: POST {@code {"streams":[]}} as JSON to the Loki push URL; same reading.</li>
 * <li>profiles: POST {@code {}} to {@code <url>/push.v1.PusherService/Push} (the Connect protocol
 *     pyroscope.write uses); same reading.</li>
 * <li>traces: a gRPC Export of an empty request to {@code host:port} over HTTP/2 (TLS on 443, prior
 *     knowledge otherwise); grpc-status 16 or 7, or HTTP 401/403, is credentials refused.</li>
 * </ul>
 * 404 and 5xx are errors with the status in the message. Bodies are never shown, only statuses.
 */
public final class HttpPreflight implements Preflight {
    private static final MediaType PROTOBUF = MediaType.get("application/x-protobuf");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType GRPC = MediaType.get("application/grpc");

    private final CloudSettings cloud;
    private final OkHttpClient http;
    private final Duration timeout;

    public HttpPreflight(CloudSettings cloud, Duration timeout) {
        this.cloud = cloud;
        this.timeout = timeout;
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout)
                .followRedirects(false).build();
    }

    @Override
    public Map<Signal, PreflightResult> check(Set<Signal> signals) {
        Map<Signal, PreflightResult> out = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) if (signals.contains(s)) out.put(s, check(s));
        return out;
    }

    private PreflightResult check(Signal s) {
        CloudSettings.Endpoint e = cloud.endpoint(s);
        if (e == null || e.url() == null || e.id() == null || cloud.apiKey() == null) {
            return new PreflightResult(PreflightResult.Kind.ERROR, "no URL, ID or API key for " + s.label());
        }
        String auth = Credentials.basic(e.id(), cloud.apiKey());
        try {
            switch (s) {
                case METRICS:
                    return http(e.url(), new Request.Builder().url(e.url()).header("Authorization", auth)
                            .header("Content-Encoding", "snappy")
                            .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                            .post(RequestBody.create(new byte[] {0}, PROTOBUF)));
                case LOGS:
                    return http(e.url(), new Request.Builder().url(e.url()).header("Authorization", auth)
                            .post(RequestBody.create("{\"streams\":[]}", JSON)));
                case PROFILES: {
                    String url = e.url().replaceAll("/+$", "") + "/push.v1.PusherService/Push";
                    return http(url, new Request.Builder().url(url).header("Authorization", auth)
                            .post(RequestBody.create("{}", JSON)));
                }
                default:
                    return grpc(RefChooser.grpcHostPort(e.url()), auth);
            }
        } catch (IllegalArgumentException ex) {
            return new PreflightResult(PreflightResult.Kind.ERROR, "not a valid URL: " + e.url());
        }
    }

    private PreflightResult http(String url, Request.Builder req) {
        try (Response r = http.newCall(req.build()).execute()) {
            return byStatus(url, r.code());
        } catch (IOException ex) {
            return unreachable(url, ex);
        }
    }

    static PreflightResult byStatus(String url, int code) {
        if (code == 401 || code == 403) {
            return new PreflightResult(PreflightResult.Kind.CREDENTIALS_REFUSED,
                    url + " refused the credentials (HTTP " + code + ")");
        }
        if (code >= 200 && code < 300 || code == 400) {
            return new PreflightResult(PreflightResult.Kind.OK, url + " accepted the credentials (HTTP " + code + ")");
        }
        return new PreflightResult(PreflightResult.Kind.ERROR, url + " answered HTTP " + code
                + (code == 404 ? " (wrong URL path?)" : ""));
    }

    private PreflightResult grpc(String hostPort, String auth) {
        boolean tls = hostPort.endsWith(":443");
        String url = (tls ? "https://" : "http://") + hostPort
                + "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
        OkHttpClient c = tls ? http : http.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
        // A gRPC frame: no compression flag, zero length, i.e. an empty ExportTraceServiceRequest.
        Request req = new Request.Builder().url(url).header("Authorization", auth).header("TE", "trailers")
                .post(RequestBody.create(new byte[5], GRPC)).build();
        try (Response r = c.newCall(req).execute()) {
            if (r.code() == 401 || r.code() == 403) return byStatus(hostPort, r.code());
            r.body().bytes();
            String status = r.header("grpc-status");
            if (status == null) {
                Headers t = r.trailers();
                status = t.get("grpc-status");
            }
            if (status == null) return byStatus(hostPort, r.code());
            switch (status) {
                case "0":
                    return new PreflightResult(PreflightResult.Kind.OK, hostPort + " accepted the credentials (gRPC OK)");
                case "16": case "7":
                    return new PreflightResult(PreflightResult.Kind.CREDENTIALS_REFUSED,
                            hostPort + " refused the credentials (gRPC status " + status + ")");
                default:
                    return new PreflightResult(PreflightResult.Kind.ERROR, hostPort + " answered gRPC status " + status);
            }
        } catch (IOException ex) {
            return unreachable(hostPort, ex);
        }
    }

    private PreflightResult unreachable(String where, IOException ex) {
        String why;
        if (ex instanceof UnknownHostException) why = "unknown host";
        else if (ex instanceof ConnectException) why = "connection refused";
        else if (ex instanceof SocketTimeoutException || ex.getClass().getSimpleName().contains("Timeout")) {
            why = "no answer within " + timeout.toSeconds() + " s";
        } else if (ex instanceof SSLException) why = "TLS failed: " + ex.getMessage();
        else why = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        return new PreflightResult(PreflightResult.Kind.UNREACHABLE, where + " is unreachable (" + why + ")");
    }
}
