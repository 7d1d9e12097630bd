package io.alloytop.dist;

import java.security.Provider;

/**
 * Adds a read-only "PEM" KeyStore type so the JDK can use a host's PEM CA bundle (what hosts without
 * Java have, e.g. /etc/ssl/certs/ca-certificates.crt) as its default trust store. The bundle's
 * runtime lists this provider in conf/security/java.security; the launcher then sets
 * javax.net.ssl.trustStoreType=PEM and javax.net.ssl.trustStore to the bundle, and every default
 * TrustManagerFactory (OkHttp's, alloytop's --ca-file merge) trusts exactly the host's CAs.
 */
public final class PemTrustProvider extends Provider {
    private static final long serialVersionUID = 1L;

    public PemTrustProvider() {
        super("AlloytopPem", "1.0", "Read-only PEM certificate bundle as a KeyStore");
        put("KeyStore.PEM", PemKeyStore.class.getName());
    }
}
