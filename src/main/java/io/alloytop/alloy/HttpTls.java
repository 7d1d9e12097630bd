package io.alloytop.alloy;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** Lets other rooms' OkHttp clients (profile captures) trust exactly what the Alloy client trusts. */
public final class HttpTls {
    private HttpTls() {}

    /**
     * Applies --ca-file, --truststore and --insecure-skip-verify to a client of the Alloy at
     * {@code s.baseUrl()}; the platform defaults otherwise.
     */
    public static OkHttpClient.Builder apply(OkHttpClient.Builder b, ConnectionSettings s) throws IOException {
        TlsSetup.Tls tls;
        try {
            tls = TlsSetup.build(s);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS settings: " + e.getMessage(), e);
        }
        return use(b, tls, isHttps(s.baseUrl()));
    }

    /** Read exactly as {@link HttpAlloyClient} reads --url ("host:port" without a scheme is http). */
    static boolean isHttps(String baseUrl) {
        okhttp3.HttpUrl u = HttpAlloyClient.parseBaseUrl(baseUrl);
        return u != null && u.isHttps();
    }

    /**
     * Installs trust already built by {@link TlsSetup}; null leaves the platform defaults. A plain
     * http target gets cleartext only, so OkHttp never builds a trust manager: that parses the
     * host's CA bundle, 60-80 ms of every start of `check` or the monitor.
     */
    static OkHttpClient.Builder use(OkHttpClient.Builder b, TlsSetup.Tls tls, boolean https) {
        if (!https) return b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        if (tls != null) {
            b.sslSocketFactory(tls.socketFactory(), tls.trustManager());
            if (tls.verifier() != null) b.hostnameVerifier(tls.verifier());
        }
        return b;
    }
}
