package io.alloytop.pipeline;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Health;
import io.alloytop.alloy.HealthState;
import java.util.ArrayList;
import java.util.List;

/** Component graphs for pipeline tests and the benchmark. */
public final class Graphs {
    private Graphs() {}

    public static Component c(String module, String name, String label, HealthState st, String... flowsTo) {
        return new Component(name, name + "." + label, module, label, List.of(), List.of(), List.of(flowsTo),
                new Health(st, "", ""), null, null, null, List.of(), false);
    }

    /** The shape of a typical host config: journal and metrics pipelines, an otel chain, a lone local.file. */
    public static List<Component> typical(String module) {
        HealthState ok = HealthState.HEALTHY;
        return List.of(
                c(module, "local.file", "api_key", HealthState.UNHEALTHY),
                c(module, "prometheus.exporter.unix", "node", ok, "prometheus.scrape.node"),
                c(module, "prometheus.scrape", "node", ok, "prometheus.relabel.drop"),
                c(module, "prometheus.scrape", "self", ok, "prometheus.remote_write.cloud"),
                c(module, "prometheus.relabel", "drop", ok, "prometheus.remote_write.cloud"),
                c(module, "prometheus.remote_write", "cloud", ok),
                c(module, "loki.source.journal", "alloy", ok, "loki.process.fmt"),
                c(module, "loki.process", "fmt", ok, "loki.write.cloud"),
                c(module, "loki.write", "cloud", ok),
                c(module, "otelcol.receiver.otlp", "in", ok, "otelcol.processor.batch.b"),
                c(module, "otelcol.processor.batch", "b", ok, "otelcol.exporter.otlp.tempo"),
                c(module, "otelcol.exporter.otlp", "tempo", ok));
    }

    /** 30 modules of 20 components each: 600 in all. */
    public static List<Component> large() {
        List<Component> all = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            String module = m == 0 ? "" : "team_" + m + ".pipeline";
            all.addAll(typical(module));
            for (int i = 0; i < 8; i++) {
                all.add(c(module, "discovery.relabel", "d" + i, HealthState.HEALTHY, "prometheus.scrape.self"));
            }
        }
        return all;
    }
}
