package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.ConnectionSettings;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.testing.PrometheusServer;
import io.alloytop.testing.RealPrograms;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real profiles from Debian's prometheus (a Go server with the same /debug/pprof handlers as
 * Alloy), captured, saved and read by alloytop, compared with `go tool pprof -top` on the same files.
 */
class PprofPrometheusIT {
    static final int TOP = 20;
    static PrometheusServer prom;
    static Path go;
    static final AtomicBoolean loading = new AtomicBoolean();
    static final List<Thread> load = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        go = RealPrograms.require("go");
        prom = PrometheusServer.start();
        loading.set(true);
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(PprofPrometheusIT::generateLoad, "prom-load-" + i);
            t.setDaemon(true);
            t.start();
            load.add(t);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        loading.set(false);
        for (Thread t : load) t.join(5000);
        if (prom != null) prom.close();
    }

    /** Keeps prometheus busy so a short CPU profile has samples and the heap has allocations. */
    static void generateLoad() {
        String[] paths = {"/metrics", "/api/v1/query?query=rate(prometheus_http_requests_total%5B1m%5D)",
                "/api/v1/label/__name__/values", "/api/v1/status/tsdb"};
        int i = 0;
        while (loading.get()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(prom.url() + paths[i++ % paths.length]).toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                try (InputStream in = c.getInputStream()) {
                    in.readAllBytes();
                }
            } catch (IOException e) {
                // prometheus may be between answers; keep going
            }
        }
    }

    static SavedProfile capture(ProfileType type, int seconds) throws Exception {
        try (ProfileFetcher f = new ProfileFetcher(ConnectionSettings.of(prom.url()))) {
            Result<CapturedProfile> r = ProfileCapture.start(f, ProfileStore.hostFor(prom.url()), type, seconds,
                    Clock.systemUTC(), e -> { }).await();
            assertTrue(r.isOk(), () -> r.failureOrNull().message());
            SavedProfile s = new ProfileStore(dir).save(r.orNull()).orNull();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.path())));
            assertEquals(s.size(), Files.size(s.path()));
            return s;
        }
    }

    /** Our table against pprof's on the same file: same functions, order, flat, cum and total. */
    static ProfileSummary assertMatchesPprof(Path file, String sampleIndex, ProfileSummary.SortKey sort) throws Exception {
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(file), false);
        ProfileSummary s = d.summary(d.sampleIndex(sampleIndex)).sortedBy(sort);
        List<String> cmd = PprofTopOutput.command(go, file, sampleIndex, s.selectedType().unit(),
                sort == ProfileSummary.SortKey.CUM);
        cmd.remove("-symbolize=none"); // exactly what a user would run
        String text = PprofTopOutput.run(cmd);
        List<PprofTopOutput.Line> want = PprofTopOutput.parse(text);
        assertEquals(PprofTopOutput.total(text), s.total(), "total of " + file);
        assertEquals(want.size(), s.rows().size(), "functions in " + file);
        for (int i = 0; i < Math.min(TOP, want.size()); i++) {
            ProfileSummary.Row r = s.rows().get(i);
            assertEquals(want.get(i), new PprofTopOutput.Line(r.name(), r.flat(), r.cum(), r.inline()),
                    "row " + i + " of " + file + " (" + s.selectedType() + ", " + sort + ")");
        }
        return s;
    }

    @Test
    void cpuProfileMatchesGoToolPprof() throws Exception {
        // On a busy CI machine a 3 s profile may catch few samples; capture again rather than compare too little.
        SavedProfile p = capture(ProfileType.CPU, 3);
        for (int attempt = 1; attempt < 4 && ProfileDecoder.decode(ProfileSource.of(p.path()), false).functionCount() < 2 * TOP; attempt++) {
            p = capture(ProfileType.CPU, 3);
        }
        ProfileSummary s = assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.FLAT);
        assertEquals("cpu", s.selectedType().type());
        assertTrue(s.sampleCount() > 0 && s.rows().size() >= TOP, "samples: " + s.sampleCount() + ", functions: " + s.rows().size());
        assertTrue(s.durationNanos() >= 2_900_000_000L, "duration " + s.durationNanos());
        assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.CUM);
        assertMatchesPprof(p.path(), "samples", ProfileSummary.SortKey.FLAT);
    }

    @Test
    void heapProfileMatchesGoToolPprofForInuseAndAllocSpace() throws Exception {
        SavedProfile p = capture(ProfileType.HEAP, 0);
        ProfileSummary inuse = assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.FLAT);
        assertEquals("inuse_space", inuse.selectedType().type());
        assertTrue(inuse.rows().size() >= TOP);
        assertEquals("alloc_space", assertMatchesPprof(p.path(), "alloc_space", ProfileSummary.SortKey.FLAT).selectedType().type());
        assertMatchesPprof(p.path(), "alloc_space", ProfileSummary.SortKey.CUM);
        assertMatchesPprof(p.path(), "inuse_objects", ProfileSummary.SortKey.FLAT);
    }

    @Test
    void allocsProfileDefaultsToAllocSpace() throws Exception {
        SavedProfile p = capture(ProfileType.ALLOCS, 0);
        assertEquals("alloc_space", assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.FLAT).selectedType().type());
    }

    @Test
    void goroutineProfileMatchesGoToolPprofAndGroupsStacks() throws Exception {
        SavedProfile p = capture(ProfileType.GOROUTINE, 0);
        ProfileSummary s = assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.FLAT);
        assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.CUM);
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(p.path()), true);
        List<StackGroup> stacks = d.stacks(0);
        assertEquals(s.total(), stacks.stream().mapToLong(StackGroup::value).sum(), "every goroutine is in one group");
        assertTrue(stacks.get(0).value() >= stacks.get(stacks.size() - 1).value());
    }

    @Test
    void mutexAndBlockProfilesDecode() throws Exception {
        for (ProfileType t : List.of(ProfileType.MUTEX, ProfileType.BLOCK)) {
            SavedProfile p = capture(t, 0);
            ProfileData d = ProfileDecoder.decode(ProfileSource.of(p.path()), false);
            assertEquals(List.of("contentions", "delay"), d.sampleTypes().stream().map(ValueType::type).toList());
            assertMatchesPprof(p.path(), null, ProfileSummary.SortKey.FLAT);
        }
    }

    @Test
    void traceIsSavedAsIs() throws Exception {
        SavedProfile p = capture(ProfileType.TRACE, 1);
        assertTrue(p.path().toString().endsWith(".trace"));
        byte[] head = Files.readAllBytes(p.path());
        assertTrue(new String(head, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).startsWith("go 1."), "a Go trace header");
    }

    @Test
    void aSecondCpuProfileWhileOneRunsIsRefusedWithAClearMessage() throws Exception {
        try (ProfileFetcher f = new ProfileFetcher(ConnectionSettings.of(prom.url()))) {
            ProfileCapture first = ProfileCapture.start(f, "h", ProfileType.CPU, 3, Clock.systemUTC(), e -> { });
            Thread.sleep(700);
            Result<CapturedProfile> second = ProfileCapture.start(f, "h", ProfileType.CPU, 1, Clock.systemUTC(), e -> { }).await();
            assertTrue(second.failureOrNull().message().startsWith("another CPU profile is already being captured"),
                    second.failureOrNull().message());
            assertTrue(second.failureOrNull().message().contains("cpu profiling already in use"));
            assertTrue(first.await().isOk());
        }
    }

    @Test
    void aServerGoingAwayMidCaptureIsReportedAsSuch() throws Exception {
        try (PrometheusServer doomed = PrometheusServer.start();
             ProfileFetcher f = new ProfileFetcher(ConnectionSettings.of(doomed.url()).withTimeout(Duration.ofSeconds(5)))) {
            ProfileCapture c = ProfileCapture.start(f, "h", ProfileType.CPU, 20, Clock.systemUTC(), e -> { });
            Thread.sleep(1000);
            doomed.close(); // SIGTERM, as `systemctl restart alloy` sends
            long t0 = System.nanoTime();
            Failure failure = c.await().failureOrNull();
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "noticed promptly");
            assertEquals(Failure.Kind.IO, failure.kind(), failure.message());
            assertTrue(failure.message().startsWith("the connection to Alloy was lost during the 20 s cpu capture"), failure.message());
        }
    }
}
