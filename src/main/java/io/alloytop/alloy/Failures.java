package io.alloytop.alloy;

import java.io.InterruptedIOException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/** Maps what went wrong on the wire to a typed {@link Failure} whose message a user can act on. */
final class Failures {
    private Failures() {}

    static Failure fromException(IOException e, HttpUrl url, Duration timeout) {
        String hostPort = url.host() + ":" + url.port();
        String path = url.encodedPath();
        if (e instanceof UnknownHostException) {
            return new Failure(Failure.Kind.DNS, "cannot resolve host '" + url.host() + "' (check --url)");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            String m = lower(e.getMessage());
            if (m.contains("timed out")) return timeout(url, timeout);
            if (e instanceof NoRouteToHostException || m.contains("no route")) {
                return new Failure(Failure.Kind.REFUSED, "no route to host " + hostPort + " (check --url and the network)");
            }
            return new Failure(Failure.Kind.REFUSED, "connection refused: is Alloy running on " + hostPort + "?");
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new Failure(Failure.Kind.TLS, "TLS: the certificate of " + hostPort + " does not match the host name '"
                    + url.host() + "'" + certNames(e.getMessage()) + "; use the name the certificate was issued for in --url");
        }
        if (e instanceof SSLException) {
            return tls(e, url, hostPort);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return timeout(url, timeout);
        }
        String m = lower(e.getMessage());
        if (m.contains("unexpected end of stream") || m.contains("connection reset")) {
            String hint = url.isHttps() ? "" : " (if Alloy serves TLS on this port, use https:// in --url)";
            return new Failure(Failure.Kind.IO, hostPort + " closed the connection while answering " + path + hint);
        }
        return new Failure(Failure.Kind.IO, "I/O error talking to " + hostPort + " (" + path + "): "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
    }

    private static Failure timeout(HttpUrl url, Duration timeout) {
        return new Failure(Failure.Kind.TIMEOUT, "no answer from " + url.host() + ":" + url.port() + url.encodedPath()
                + " within " + human(timeout) + " (Alloy may be busy reloading its config; raise --timeout to wait longer)");
    }

    private static Failure tls(IOException e, HttpUrl url, String hostPort) {
        Throwable root = e;
        boolean untrusted = false;
        boolean expired = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) untrusted = true;
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) expired = true;
        }
        String m = lower(e.getMessage());
        if (expired) {
            return new Failure(Failure.Kind.TLS, "TLS: the certificate of " + hostPort
                    + " is expired or not yet valid (check the clocks and the certificate)");
        }
        if (untrusted || m.contains("pkix") || m.contains("certification path")) {
            return new Failure(Failure.Kind.TLS, "TLS: the certificate of " + hostPort
                    + " is signed by an unknown CA; pass its CA with --ca-file FILE (PEM) or --truststore,"
                    + " or --insecure-skip-verify to skip the check");
        }
        if (m.contains("unrecognized ssl message") || m.contains("plaintext connection")
                || m.contains("unsupported or unrecognized")) {
            return new Failure(Failure.Kind.TLS, "TLS: " + hostPort + " does not speak TLS; use http:// instead of https:// in --url");
        }
        return new Failure(Failure.Kind.TLS, "TLS handshake with " + hostPort + " failed: " + oneLine(String.valueOf(root.getMessage())));
    }

    /** Pulls the names out of OkHttp's "Hostname x not verified: ... subjectAltNames: [..]" message. */
    private static String certNames(String msg) {
        if (msg == null) return "";
        int i = msg.indexOf("subjectAltNames:");
        if (i < 0) return "";
        String names = msg.substring(i + "subjectAltNames:".length()).strip();
        int nl = names.indexOf('\n');
        if (nl >= 0) names = names.substring(0, nl);
        return " (the certificate is for " + oneLine(names) + ")";
    }

    static Failure fromStatus(int code, String body, HttpUrl url, ConnectionSettings s, Excerpt excerpt) {
        String path = url.encodedPath();
        if (code == 401 || code == 403) {
            String why = code == 401 ? "401 Unauthorized" : "403 Forbidden";
            String hint;
            if (s.username() != null || s.bearerToken() != null) {
                hint = s.bearerToken() != null && s.username() == null
                        ? "Alloy rejected the bearer token (check --bearer-token-file)"
                        : "Alloy rejected the credentials for user '" + s.username() + "' (check --username and --password-file)";
            } else {
                hint = "Alloy requires authentication; pass --username with --password-file (or $ALLOYTOP_PASSWORD)";
            }
            return new Failure(Failure.Kind.AUTH, why + " for " + path + ": " + hint);
        }
        String ex = excerpt.of(body);
        if (code == 400 && ex.contains("HTTP request to an HTTPS server")) {
            return new Failure(Failure.Kind.TLS, "TLS: " + url.host() + ":" + url.port()
                    + " serves HTTPS but --url says http://; use https://");
        }
        return new Failure(Failure.Kind.HTTP_STATUS, "HTTP " + code + " from " + path + (ex.isEmpty() ? "" : ": " + ex));
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) return (ms / 1000) + "s";
        return ms < 1000 ? ms + "ms" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
