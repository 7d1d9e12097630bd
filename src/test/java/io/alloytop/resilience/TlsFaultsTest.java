package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.testing.FakeHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is verified by default; a changed certificate is a clear TLS failure; skipping verification warns. */
class TlsFaultsTest {
    static final Tally TALLY = new Tally("faults-tls");

    @TempDir
    Path tmp;

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private static FakeHttp alloy(HeldCertificate cert) throws Exception {
        FakeHttp s = FakeHttp.startTls(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslContext());
        s.route("/metrics", ex -> FakeHttp.send(ex, 200, "text/plain",
                "alloy_build_info{version=\"v1.18.0\"} 1\nprocess_start_time_seconds 1.7e9\n"));
        s.textJson("/api/v0/web/components", "[]");
        s.textJson("/api/v0/web/remotecfg/components", "[]");
        s.status("/-/ready", 200, "Alloy is ready.\n");
        return s;
    }

    private static HeldCertificate cert() {
        return new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
    }

    /** The UI's header says so while verification is off, at every width the UI supports. */
    @Test
    void uiHeaderWarnsWhenVerificationIsOff() {
        TALLY.scenario("tls.uiHeaderWarns", () -> {
            for (int cols : new int[] {80, 120, 200}) {
                io.alloytop.ui.model.UiState s = io.alloytop.ui.model.UiState.initial("https://alloy:12345", true,
                        java.time.Duration.ofSeconds(2), io.alloytop.ui.States.THEMES, io.alloytop.ui.States.THEMES.defaultTheme(),
                        false, io.alloytop.ui.Samples.T0, cols, 30);
                s = io.alloytop.ui.States.apply(s, new io.alloytop.ui.model.Event.SnapshotArrived(
                        io.alloytop.ui.Samples.ok(io.alloytop.ui.Samples.small(), io.alloytop.ui.Samples.T0)));
                String screen = io.alloytop.ui.VirtualScreen.render(s).text();
                assertTrue(screen.contains("TLS verify off"), cols + " columns:\n" + screen);
                io.alloytop.ui.model.UiState safe = io.alloytop.ui.States.with(
                        io.alloytop.ui.Samples.ok(io.alloytop.ui.Samples.small(), io.alloytop.ui.Samples.T0), cols, 30);
                assertTrue(!io.alloytop.ui.VirtualScreen.render(safe).text().contains("TLS verify off"));
            }
        });
    }

    @Test
    void certificateChangedUntrustedAndSkipVerify() throws Exception {
        HeldCertificate a = cert();
        HeldCertificate b = cert();
        Path ca = tmp.resolve("alloy-ca.pem");
        Files.writeString(ca, a.certificatePem());
        try (FakeHttp first = alloy(a); FakeHttp second = alloy(b)) {
            String urlA = first.url().replace("http://", "https://");
            String urlB = second.url().replace("http://", "https://");
            TALLY.scenario("tls.trustedCa", () -> {
                Cli.Run r = Cli.run("--url", urlA, "--ca-file", ca.toString(), "--timeout", "3s", "check", "--cpu-sample", "0").clean();
                assertEquals(0, r.code(), r.all());
                assertTrue(!r.err().contains("warning"), r.err());
            });
            TALLY.scenario("tls.certificateChanged", () -> {
                Cli.Run r = Cli.run("--url", urlB, "--ca-file", ca.toString(), "--timeout", "3s", "check", "--cpu-sample", "0").clean();
                r.says("TLS", "unknown CA", "--ca-file");
                assertEquals(2, r.code());
            });
            TALLY.scenario("tls.verifiedByDefault", () -> {
                Cli.Run r = Cli.run("--url", urlA, "--timeout", "3s", "check", "--cpu-sample", "0").clean();
                r.says("TLS");
                assertEquals(2, r.code());
            });
            TALLY.scenario("tls.skipVerifyWarns", () -> {
                Cli.Run r = Cli.run("--url", urlB, "--insecure-skip-verify", "--timeout", "3s", "check", "--cpu-sample", "0").clean();
                assertEquals(0, r.code(), r.all());
                assertTrue(r.err().contains("warning") && r.err().contains("verification is off"), r.err());
            });
        }
    }
}
