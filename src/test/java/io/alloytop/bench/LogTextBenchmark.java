package io.alloytop.bench;

import io.alloytop.logs.JournalDecoder;
import io.alloytop.logs.LogEntry;
import io.alloytop.text.DisplayWidth;
import io.alloytop.text.Sanitizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-string costs on the draw and ingest paths: sanitising a clean and a hostile line, fitting a
 * line with wide chars to a column width, and decoding one journal JSON entry.
 * Run: java -cp target/test-classes:target/classes:DEPS org.openjdk.jmh.Main LogTextBenchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LogTextBenchmark {
    private String clean;
    private String hostile;
    private String wide;
    private List<String> journal;
    private JournalDecoder decoder;
    private int i;

    @Setup
    public void setup() {
        clean = "ts=2026-08-21T13:42:10.117Z level=warn msg=\"Failed to send batch, retrying\" component_path=/ "
                + "component_id=prometheus.remote_write.default subcomponent=rw remote_name=0b9c7b err=\"server returned HTTP status 401\"";
        hostile = clean.replace("Failed", "\u001b[31mFailed\u001b[0m\u0007").replace("retrying", "retry\u009b2J\u202e");
        wide = "日本語のログ message with 😀 emoji and combining e\u0301 " + clean;
        journal = LogBurst.pool(1000);
        decoder = new JournalDecoder("alloy.service");
    }

    @Benchmark
    public String sanitiseClean() {
        return Sanitizer.line(clean);
    }

    @Benchmark
    public String sanitiseHostile() {
        return Sanitizer.line(hostile);
    }

    @Benchmark
    public String fitWide() {
        return DisplayWidth.fit(wide, 80);
    }

    @Benchmark
    public List<LogEntry> decodeJournalEntry() {
        return decoder.decodeLine(journal.get(i++ % journal.size()));
    }
}
