package io.alloytop.bench;

import io.alloytop.alloy.Component;
import io.alloytop.pipeline.Graphs;
import io.alloytop.pipeline.PipelineLayout;
import io.alloytop.pipeline.PipelineLine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Budget: the pipeline view of a 30-module, 600-component graph at 120 columns in under 20 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineLayoutBenchmark {
    private final List<Component> graph = Graphs.large();

    @Benchmark
    public List<PipelineLine> render600At120() {
        return PipelineLayout.render(graph, Map.of(), Map.of(), Set.of(), 120);
    }
}
