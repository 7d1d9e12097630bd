package io.alloytop.alloy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.FakeHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpAlloyClientTlsTest {
    @TempDir
    Path tmp;

    private static ConnectionSettings settings(String url, Path ca, Path truststore, boolean insecure) {
        return new ConnectionSettings(url, "/", null, null, null, ca, truststore, "changeit", insecure,
                Duration.ofSeconds(3));
    }

    private static FakeHttp tlsServer(HeldCertificate cert) throws Exception {
        HandshakeCertificates hc = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        FakeHttp s = FakeHttp.startTls(hc.sslContext());
        s.status("/-/ready", 200, "Alloy is ready.\n");
        return s;
    }

    private static Result<Boolean> ready(ConnectionSettings s) {
        Result<HttpAlloyClient> c = HttpAlloyClient.create(s);
        assertTrue(c.isOk(), () -> c.failureOrNull().message());
        try (HttpAlloyClient client = c.orNull()) {
            return client.ready();
        }
    }

    @Test
    void selfSignedNeedsCaFileAndThenWorks() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().commonName("alloy")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
        try (FakeHttp server = tlsServer(cert)) {
            Result<Boolean> untrusted = ready(settings(server.url(), null, null, false));
            assertEquals(Failure.Kind.TLS, untrusted.failureOrNull().kind());
            assertTrue(untrusted.failureOrNull().message().contains("unknown CA"), untrusted.failureOrNull().message());
            assertTrue(untrusted.failureOrNull().message().contains("--ca-file"));

            Path pem = tmp.resolve("ca.pem");
            Files.writeString(pem, cert.certificatePem());
            assertEquals(true, ready(settings(server.url(), pem, null, false)).orNull());
            assertEquals(true, ready(settings(server.url(), null, null, true)).orNull());
        }
    }

    @Test
    void truststoreReplacesTheDefaults() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
        Path ts = tmp.resolve("trust.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("alloy", cert.certificate());
        try (OutputStream o = Files.newOutputStream(ts)) {
            ks.store(o, "changeit".toCharArray());
        }
        try (FakeHttp server = tlsServer(cert)) {
            assertEquals(true, ready(settings(server.url(), null, ts, false)).orNull());
        }
    }

    @Test
    void hostnameMismatchIsNamed() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("alloy.example.com").build();
        Path pem = tmp.resolve("ca.pem");
        Files.writeString(pem, cert.certificatePem());
        try (FakeHttp server = tlsServer(cert)) {
            Result<Boolean> r = ready(settings(server.url(), pem, null, false));
            assertEquals(Failure.Kind.TLS, r.failureOrNull().kind());
            assertTrue(r.failureOrNull().message().contains("does not match the host name '127.0.0.1'"),
                    r.failureOrNull().message());
            assertTrue(r.failureOrNull().message().contains("alloy.example.com"), r.failureOrNull().message());
        }
    }

    @Test
    void httpsToAPlainPortSaysSo() throws Exception {
        // a Go HTTP server answers a TLS ClientHello with a plain 400
        try (ServerSocket ss = answerOnce("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Connection: close\r\n\r\n400 Bad Request")) {
            Result<Boolean> r = ready(settings("https://127.0.0.1:" + ss.getLocalPort(), null, null, false));
            assertEquals(Failure.Kind.TLS, r.failureOrNull().kind());
            assertTrue(r.failureOrNull().message().contains("does not speak TLS"), r.failureOrNull().message());
        }
    }

    private static ServerSocket answerOnce(String raw) throws Exception {
        ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = ss.accept()) {
                InputStream in = s.getInputStream();
                in.read(new byte[4096]);
                s.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            } catch (Exception ignored) {
                // test ends either way
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void plainHttpToAGoTlsPortSaysSo() throws Exception {
        // Go's TLS listener answers a plain request with exactly this (crypto/tls + net/http)
        try (ServerSocket ss = answerOnce("HTTP/1.0 400 Bad Request\r\n\r\n"
                + "Client sent an HTTP request to an HTTPS server.\n")) {
            Result<Boolean> r = ready(settings("http://127.0.0.1:" + ss.getLocalPort(), null, null, false));
            assertEquals(Failure.Kind.TLS, r.failureOrNull().kind());
            assertTrue(r.failureOrNull().message().contains("use https://"), r.failureOrNull().message());
        }
    }

    @Test
    void unreadableCaFileIsAValue() {
        Result<HttpAlloyClient> r = HttpAlloyClient.create(settings("https://127.0.0.1:1", tmp.resolve("missing.pem"),
                null, false));
        assertFalse(r.isOk());
        assertEquals(Failure.Kind.TLS, r.failureOrNull().kind());
        assertTrue(r.failureOrNull().message().contains("--ca-file"));
    }
}
