package io.alloytop.dist;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Run by BundleIT on the bundle's trimmed runtime: serves HTTPS with an ECDSA certificate and fetches
 * from it, trusting that certificate only. Fails unless the runtime carries the EC crypto that most
 * TLS servers need (jdk.crypto.ec on 17) and the HTTP server module the demo uses.
 * With TRUSTSTORE "default" the client trusts what the JDK trusts by default (what OkHttp does),
 * which is how BundleIT shows the launcher's choice of the host CA bundle takes effect.
 * Args: KEYSTORE.p12 TRUSTSTORE.p12|default PASSWORD, taken from the end of the command line because the
 * launcher puts its own class path and main class in front of them. Prints "tls=PROTOCOL CIPHER BODY".
 */
public final class TlsProbe {
    private TlsProbe() {}

    public static void main(String[] args) throws Exception {
        int n = args.length;
        Path keyStore = Path.of(args[n - 3]);
        Path trustStore = Path.of(args[n - 2]);
        char[] pw = args[n - 1].toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, pw);
        }
        KeyStore trust = null; // null: the JDK's default trust store
        if (!trustStore.toString().equals("default")) {
            trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                trust.load(in, pw);
            }
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(server));
        https.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        https.start();
        try {
            URL url = new URL("https://localhost:" + https.getAddress().getPort() + "/");
            HttpsURLConnection c = (HttpsURLConnection) url.openConnection();
            c.setSSLSocketFactory(client.getSocketFactory());
            c.connect();
            String handshake = c.getSSLSession().orElseThrow().getProtocol() + " " + c.getCipherSuite();
            String body;
            try (InputStream in = c.getInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            System.out.println("tls=" + handshake + " " + body);
        } finally {
            https.stop(0);
        }
    }
}
