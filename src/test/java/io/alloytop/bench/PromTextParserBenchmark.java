package io.alloytop.bench;

import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.PromParseException;
import io.alloytop.metrics.PromTextParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Parses a ~2 MB Alloy-like body into a full snapshot (names interned, every label decoded).
 * ns/sample = score / samples and MB/s = bytes / score. Each iteration also prints them for the
 * mean wall time, the best wall time and the mean thread CPU time: on a machine shared with other
 * work the mean wall time counts time spent descheduled, the other two mostly do not.
 * Run: src/bench/jmh.sh PromTextParserBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PromTextParserBenchmark {
    private byte[] payload;
    private int samples;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long invocations;
    private long nanos;
    private long cpuNanos;
    private long best = Long.MAX_VALUE;

    @Setup(Level.Trial)
    public void setUp() throws PromParseException {
        payload = AlloyLikePayload.generate(2 << 20, 20260101L);
        samples = PromTextParser.parse(payload).sampleCount();
        System.out.printf("%npayload: %d bytes, %d samples, %d families%n", payload.length, samples,
                PromTextParser.parse(payload).families().size());
    }

    @Benchmark
    public MetricsSnapshot parse() throws PromParseException {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        MetricsSnapshot s = PromTextParser.parse(payload);
        long t = System.nanoTime() - t0;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        nanos += t;
        best = Math.min(best, t);
        invocations++;
        return s;
    }

    @TearDown(Level.Iteration)
    public void report() {
        if (invocations == 0) return;
        System.out.printf("  [mean %s; best %s; cpu %s]", rate((double) nanos / invocations), rate(best),
                rate((double) cpuNanos / invocations));
        nanos = 0;
        cpuNanos = 0;
        best = Long.MAX_VALUE;
        invocations = 0;
    }

    private String rate(double nsPerParse) {
        return String.format("%.1f ns/sample %.0f MB/s", nsPerParse / samples, payload.length / nsPerParse * 1e3);
    }
}
