package io.alloytop.alloy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust decisions from the command line: system store by default, --ca-file adds PEM CAs to it,
 * --truststore replaces it, --insecure-skip-verify turns verification off (loudly, elsewhere).
 */
final class TlsSetup {
    record Tls(SSLSocketFactory socketFactory, X509TrustManager trustManager, HostnameVerifier verifier) {}

    private TlsSetup() {}

    /** Null when the platform defaults apply (OkHttp then uses its own, which are the same). */
    static Tls build(ConnectionSettings s) throws GeneralSecurityException, IOException {
        if (s.insecureSkipVerify()) {
            X509TrustManager all = new TrustAll();
            return new Tls(context(all).getSocketFactory(), all, (host, session) -> true);
        }
        if (s.caFile() == null && s.truststore() == null) return null;
        KeyStore ks;
        if (s.truststore() != null) {
            char[] pw = s.truststorePassword() == null ? null : s.truststorePassword().toCharArray();
            ks = KeyStore.getInstance(s.truststore().toFile(), pw);
        } else {
            ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : defaultTrust().getAcceptedIssuers()) ks.setCertificateEntry("system-" + i++, c);
        }
        if (s.caFile() != null) {
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(s.caFile())) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) throw new GeneralSecurityException("no PEM certificates found in " + s.caFile());
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("ca-file-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        X509TrustManager tm = x509(tmf.getTrustManagers());
        return new Tls(context(tm).getSocketFactory(), tm, null);
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return x509(tmf.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] tms) throws GeneralSecurityException {
        for (TrustManager t : tms) if (t instanceof X509TrustManager x) return x;
        throw new GeneralSecurityException("no X509 trust manager available");
    }

    private static SSLContext context(X509TrustManager tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
        return ctx;
    }

    /** Only for --insecure-skip-verify, which the user asked for by name. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
