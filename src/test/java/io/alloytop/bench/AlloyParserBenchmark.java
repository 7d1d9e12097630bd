package io.alloytop.bench;

import io.alloytop.syntax.AlloyFile;
import io.alloytop.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Parsing a large config: the 70-line self-monitoring example repeated with unique labels to about
 * 1 MB. Run: mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main AlloyParserBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AlloyParserBenchmark {
    byte[] big;

    @Setup
    public void setUp() throws IOException {
        String one = Files.readString(Path.of("src/test/resources/syntax/valid/selfmon-cloud.alloy"))
                .replace("logging {", "xlogging \"l\" {").replace("tracing {", "xtracing \"t\" {");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 1 << 20; i++) sb.append(one.replace("\"grafana_cloud\"", "\"gc" + i + "\"")
                .replace("\"self\"", "\"self" + i + "\"").replace("\"alloy\" {", "\"alloy" + i + "\" {")
                .replace("\"node\"", "\"node" + i + "\"").replace("\"alloy_unit\"", "\"unit" + i + "\"")
                .replace("\"l\"", "\"l" + i + "\"").replace("\"t\"", "\"t" + i + "\""));
        big = sb.toString().getBytes();
        AlloyFile f = Parser.parse("big.alloy", big);
        if (!f.ok()) throw new IllegalStateException(f.diagnostics().get(0).toString());
    }

    @Benchmark
    public AlloyFile parseOneMegabyte() {
        return Parser.parse("big.alloy", big);
    }
}
