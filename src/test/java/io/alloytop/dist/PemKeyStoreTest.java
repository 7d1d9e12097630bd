package io.alloytop.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class PemKeyStoreTest {
    private static KeyStore load(String resource) throws Exception {
        KeyStore ks = KeyStore.getInstance("PEM", new PemTrustProvider());
        try (InputStream in = PemKeyStoreTest.class.getResourceAsStream(resource)) {
            ks.load(in, null);
        }
        return ks;
    }

    @Test
    void everyCertificateOfTheBundleIsATrustedEntry() throws Exception {
        KeyStore ks = load("/dist/two-cas.pem");
        List<String> aliases = Collections.list(ks.aliases());
        assertEquals(List.of("cert-0", "cert-1"), aliases);
        for (String a : aliases) {
            assertTrue(ks.isCertificateEntry(a));
            assertFalse(ks.isKeyEntry(a));
            assertEquals(a, ks.getCertificateAlias(ks.getCertificate(a)));
        }
        X509Certificate first = (X509Certificate) ks.getCertificate("cert-0");
        X509Certificate second = (X509Certificate) ks.getCertificate("cert-1");
        assertFalse(first.getSubjectX500Principal().equals(second.getSubjectX500Principal()));
    }

    @Test
    void aTrustManagerBuiltFromItTrustsExactlyThoseCas() throws Exception {
        KeyStore ks = load("/dist/two-cas.pem");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        assertEquals(2, tm.getAcceptedIssuers().length);
    }

    @Test
    void aDamagedBlockIsSkippedButABundleWithoutCertificatesIsAnError() throws Exception {
        String good;
        try (InputStream in = PemKeyStoreTest.class.getResourceAsStream("/dist/two-cas.pem")) {
            good = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        String damaged = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
        KeyStore ks = KeyStore.getInstance("PEM", new PemTrustProvider());
        ks.load(new java.io.ByteArrayInputStream((damaged + good).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), null);
        assertEquals(2, ks.size());

        KeyStore empty = KeyStore.getInstance("PEM", new PemTrustProvider());
        assertThrows(java.io.IOException.class, () -> empty.load(new java.io.ByteArrayInputStream(damaged.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), null));
    }

    @Test
    void isReadOnlyAndEmptyWithoutAStream() throws Exception {
        KeyStore ks = KeyStore.getInstance("PEM", new PemTrustProvider());
        ks.load(null, null);
        assertEquals(0, ks.size());
        KeyStore full = load("/dist/two-cas.pem");
        assertThrows(KeyStoreException.class, () -> full.deleteEntry("cert-0"));
        assertThrows(KeyStoreException.class, () -> full.setCertificateEntry("x", full.getCertificate("cert-0")));
    }
}
