package io.alloytop.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.alloytop.metrics.Labels;
import org.junit.jupiter.api.Test;

/** Alloy labels per-component series with splitPath(globalID): component_path "/" + module, component_id local. */
class FlowMetricsTest {
    @Test
    void globalIdReversesSplitPath() {
        assertEquals("loki.write.default", FlowMetrics.globalId(Labels.ofPairs("component_id", "loki.write.default",
                "component_path", "/")));
        assertEquals("self_monitor.main/prometheus.scrape.inner", FlowMetrics.globalId(Labels.ofPairs(
                "component_id", "prometheus.scrape.inner", "component_path", "/self_monitor.main")));
        assertEquals("foreach.hosts/foreach_web1_1/prometheus.scrape.host", FlowMetrics.globalId(Labels.ofPairs(
                "component_id", "prometheus.scrape.host", "component_path", "/foreach.hosts/foreach_web1_1")));
        assertEquals("loki.write.x", FlowMetrics.globalId(Labels.ofPairs("component_id", "loki.write.x")),
                "no path: a root component");
        assertNull(FlowMetrics.globalId(Labels.ofPairs("url", "https://x")));
    }

    @Test
    void controllerModuleFromControllerPathAndId() {
        assertEquals("", FlowMetrics.controllerModule(Labels.ofPairs("controller_path", "/", "controller_id", "")));
        assertEquals("module.file.a", FlowMetrics.controllerModule(Labels.ofPairs("controller_path", "/",
                "controller_id", "module.file.a")));
        assertEquals("module.file.a/module.file.b", FlowMetrics.controllerModule(Labels.ofPairs(
                "controller_path", "/module.file.a", "controller_id", "module.file.b")));
    }

    @Test
    void familiesMatchTypesAndPrefixes() {
        assertEquals("prometheus_remote_storage_samples_total", FlowMetrics.forType("prometheus.remote_write").out().get(0));
        assertEquals("items", FlowMetrics.forType("otelcol.exporter.otlphttp").unit());
        assertEquals("prometheus_forwarded_samples_total", FlowMetrics.forType("prometheus.relabel").out().get(0));
        assertNull(FlowMetrics.forType("discovery.relabel"));
    }
}
