package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.testing.Ports;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Alloy's possible answers to a profile request, each turned into bytes or a message a user can act on. */
class ProfileFetcherTest {
    static final byte[] GZ = TestProfile.gzip(new byte[] {8, 1});

    static ConnectionSettings settings(String url, Duration timeout) {
        return ConnectionSettings.of(url).withTimeout(timeout);
    }

    static Result<byte[]> fetch(String url, ProfileType type, int seconds, Duration timeout) {
        try (ProfileFetcher f = new ProfileFetcher(settings(url, timeout))) {
            return f.prepare(type, seconds).execute();
        }
    }

    static Failure failure(LocalHttp.Handler h, ProfileType type) throws Exception {
        try (LocalHttp s = new LocalHttp(h)) {
            return fetch(s.url(), type, 1, Duration.ofSeconds(5)).failureOrNull();
        }
    }

    @Test
    void returnsTheBodyUntouchedAndSendsCredentials() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (LocalHttp s = new LocalHttp(ex -> {
            seen.set(ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization"));
            LocalHttp.reply(ex, 200, GZ);
        })) {
            ConnectionSettings cs = new ConnectionSettings(s.url() + "/", "/", "admin", "s3cret", null, null, null, null,
                    false, Duration.ofSeconds(5));
            try (ProfileFetcher f = new ProfileFetcher(cs)) {
                assertArrayEquals(GZ, f.prepare(ProfileType.CPU, 2).execute().orNull());
                assertEquals(Duration.ofSeconds(7), f.readTimeout(ProfileType.CPU, 2));
                assertEquals(Duration.ofSeconds(5), f.readTimeout(ProfileType.HEAP, 2));
            }
        }
        assertEquals("/debug/pprof/profile?seconds=2 Basic YWRtaW46czNjcmV0", seen.get());
    }

    @Test
    void htmlMeansPprofIsTurnedOff() throws Exception {
        Failure f = failure(ex -> LocalHttp.reply(ex, 200,
                "<!doctype html><html lang=\"en\"><title>Grafana Alloy</title>".getBytes(StandardCharsets.UTF_8)), ProfileType.HEAP);
        assertEquals(Failure.Kind.NOT_SUPPORTED, f.kind());
        assertTrue(f.message().contains("pprof is turned off") && f.message().contains("--server.http.enable-pprof"), f.message());
    }

    @Test
    void aSecondCpuProfileIsExplained() throws Exception {
        Failure f = failure(ex -> LocalHttp.reply(ex, 500,
                "Could not enable CPU profiling: cpu profiling already in use\n".getBytes(StandardCharsets.UTF_8)), ProfileType.CPU);
        assertTrue(f.message().startsWith("another CPU profile is already being captured"), f.message());
    }

    @Test
    void statusCodesBecomeKinds() throws Exception {
        assertEquals(Failure.Kind.AUTH, failure(ex -> LocalHttp.reply(ex, 401, new byte[0]), ProfileType.HEAP).kind());
        assertEquals(Failure.Kind.NOT_SUPPORTED, failure(ex -> LocalHttp.reply(ex, 404, new byte[0]), ProfileType.HEAP).kind());
        Failure f = failure(ex -> LocalHttp.reply(ex, 502, "bad gateway\u001b[31m".getBytes(StandardCharsets.UTF_8)), ProfileType.HEAP);
        assertEquals("heap profile from " + "http://127.0.0.1:" + f.message().split(":")[2].split("/")[0]
                + "/debug/pprof/heap: HTTP 502: bad gateway\u241b[31m", f.message());
        Failure notGzip = failure(ex -> LocalHttp.reply(ex, 200, "hello".getBytes(StandardCharsets.UTF_8)), ProfileType.HEAP);
        assertEquals(Failure.Kind.BAD_RESPONSE, notGzip.kind());
    }

    @Test
    void aProfileSlowerThanItsReadTimeoutTimesOut() throws Exception {
        try (LocalHttp s = new LocalHttp(ex -> {
            Thread.sleep(4000);
            LocalHttp.reply(ex, 200, GZ);
        })) {
            long t0 = System.nanoTime();
            Failure f = fetch(s.url(), ProfileType.CPU, 1, Duration.ofMillis(500)).failureOrNull();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Failure.Kind.TIMEOUT, f.kind(), f.message());
            assertTrue(f.message().contains("capture itself takes 1 s"), f.message());
            assertTrue(ms >= 1400 && ms < 3900, "gave up after " + ms + " ms (read timeout 1.5 s)");
        }
    }

    @Test
    void aConnectionResetMidCaptureSaysAlloyWentAway() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket c = ss.accept()) {
                    InputStream in = c.getInputStream();
                    in.read(new byte[4096]);
                    Thread.sleep(300);
                    c.setSoLinger(true, 0); // close with RST, as a killed process does
                } catch (Exception ignored) {
                    // the test asserts on the client side
                }
            });
            t.start();
            Failure f = fetch("http://127.0.0.1:" + ss.getLocalPort(), ProfileType.CPU, 5, Duration.ofSeconds(5)).failureOrNull();
            t.join();
            assertEquals(Failure.Kind.IO, f.kind());
            assertTrue(f.message().startsWith("the connection to Alloy was lost during the 5 s cpu capture"), f.message());
            assertTrue(f.message().contains("restart"), f.message());
        }
    }

    @Test
    void nothingListeningIsRefused() {
        Failure f = fetch("http://127.0.0.1:" + Ports.free(), ProfileType.HEAP, 1, Duration.ofSeconds(2)).failureOrNull();
        assertEquals(Failure.Kind.REFUSED, f.kind());
    }
}
