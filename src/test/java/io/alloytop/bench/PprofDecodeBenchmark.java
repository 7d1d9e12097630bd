package io.alloytop.bench;

import io.alloytop.pprof.LargeProfiles;
import io.alloytop.pprof.ProfileData;
import io.alloytop.pprof.ProfileDecoder;
import io.alloytop.pprof.ProfileSource;
import io.alloytop.pprof.ProfileSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode + top-20 of a 50 MB (gzip'd) synthetic CPU profile, and of the small captured heap
 * profile. Run:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main PprofDecodeBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class PprofDecodeBenchmark {
    private Path dir;
    private Path large;
    private byte[] small;

    @Setup(Level.Trial)
    public void write() throws Exception {
        dir = Files.createTempDirectory("alloytop-bench");
        large = LargeProfiles.write(dir.resolve("large.pb.gz"), 50L << 20, 42).file();
        try (var in = PprofDecodeBenchmark.class.getResourceAsStream("/pprof/prometheus-heap.pb.gz")) {
            small = in.readAllBytes();
        }
    }

    @TearDown(Level.Trial)
    public void clean() throws Exception {
        Files.deleteIfExists(large);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public List<ProfileSummary.Row> decodeAndTop50MB() throws Exception {
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(large), false);
        return d.summary(d.sampleIndex(null)).top(20);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<ProfileSummary.Row> decodeAndTopCapturedHeap() throws Exception {
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(small), false);
        return d.summary(d.sampleIndex(null)).top(20);
    }
}
