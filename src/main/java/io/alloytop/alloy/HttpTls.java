package io.alloytop.alloy;

import java.io.IOException;
import java.security.GeneralSecurityException;
import okhttp3.OkHttpClient;

/** Lets other rooms' OkHttp clients (profile captures) trust exactly what the Alloy client trusts. */
public final class HttpTls {
    private HttpTls() {}

    /** Applies --ca-file, --truststore and --insecure-skip-verify; the platform defaults otherwise. */
    public static OkHttpClient.Builder apply(OkHttpClient.Builder b, ConnectionSettings s) throws IOException {
        TlsSetup.Tls tls;
        try {
            tls = TlsSetup.build(s);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS settings: " + e.getMessage(), e);
        }
        return use(b, tls);
    }

    /** Installs trust already built by {@link TlsSetup}; null leaves the platform defaults. */
    static OkHttpClient.Builder use(OkHttpClient.Builder b, TlsSetup.Tls tls) {
        if (tls != null) {
            b.sslSocketFactory(tls.socketFactory(), tls.trustManager());
            if (tls.verifier() != null) b.hostnameVerifier(tls.verifier());
        }
        return b;
    }
}
