package io.alloytop.bench;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the demo Alloy answers over loopback HTTP, so it is never the bottleneck of a client or UI
 * benchmark that polls it: /metrics (gzip and plain) and the root component list, at the realistic
 * set and at the 600-component scale. Run: src/bench/jmh.sh DemoServerBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DemoServerBenchmark {
    @Param({"0", "600"})
    public int scale;

    private DemoAlloy demo;
    private HttpClient client;
    private HttpRequest metrics;
    private HttpRequest metricsGzip;
    private HttpRequest components;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        demo = DemoAlloy.start(DemoOptions.defaults().withScale(scale));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        metrics = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/metrics")).build();
        metricsGzip = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/metrics")).header("Accept-Encoding", "gzip").build();
        components = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/api/v0/web/components")).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        demo.close();
    }

    @Benchmark
    public byte[] metricsPlain() throws Exception {
        return client.send(metrics, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Benchmark
    public byte[] metricsGzipped() throws Exception {
        return client.send(metricsGzip, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Benchmark
    public byte[] componentList() throws Exception {
        return client.send(components, HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
