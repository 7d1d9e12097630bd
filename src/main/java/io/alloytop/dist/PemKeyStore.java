package io.alloytop.dist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The certificates of a PEM bundle as trusted-certificate entries ("cert-0", "cert-1", ...). Read
 * only: a CA bundle belongs to the host's package manager, never to us. Text between the PEM blocks
 * (comments, "# Issuer" lines) is skipped, and so is a block that does not parse.
 */
public final class PemKeyStore extends KeyStoreSpi {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private final Map<String, Certificate> certs = new LinkedHashMap<>();
    private Date loaded = new Date();

    @Override
    public void engineLoad(InputStream stream, char[] password) throws IOException, CertificateException {
        certs.clear();
        loaded = new Date();
        if (stream == null) return; // an empty store, as KeyStore.load(null, null) promises
        String text = new String(stream.readAllBytes(), StandardCharsets.US_ASCII);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        int i = 0;
        int from = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) break;
            int end = text.indexOf(END, begin);
            if (end < 0) break;
            from = end + END.length();
            byte[] block = text.substring(begin, from).getBytes(StandardCharsets.US_ASCII);
            try {
                certs.put("cert-" + i++, x509.generateCertificate(new ByteArrayInputStream(block)));
            } catch (CertificateException damaged) {
                // one damaged block must not take every other CA (and so all of TLS) down with it
            }
        }
        if (certs.isEmpty()) throw new IOException("no readable certificates in the PEM CA bundle");
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        return certs.get(alias);
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        for (Map.Entry<String, Certificate> e : certs.entrySet()) {
            if (e.getValue().equals(cert)) return e.getKey();
        }
        return null;
    }

    @Override
    public Enumeration<String> engineAliases() {
        return Collections.enumeration(certs.keySet());
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        return certs.containsKey(alias);
    }

    @Override
    public int engineSize() {
        return certs.size();
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        return certs.containsKey(alias);
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        return false;
    }

    @Override
    public Date engineGetCreationDate(String alias) {
        return certs.containsKey(alias) ? new Date(loaded.getTime()) : null;
    }

    @Override
    public Key engineGetKey(String alias, char[] password) {
        return null;
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        return null;
    }

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) throws KeyStoreException {
        throw readOnly();
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        throw readOnly();
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
        throw readOnly();
    }

    @Override
    public void engineDeleteEntry(String alias) throws KeyStoreException {
        throw readOnly();
    }

    @Override
    public void engineStore(OutputStream stream, char[] password) throws IOException {
        throw new IOException("a PEM CA bundle is read-only here");
    }

    private static KeyStoreException readOnly() {
        return new KeyStoreException("a PEM CA bundle is read-only here");
    }
}
