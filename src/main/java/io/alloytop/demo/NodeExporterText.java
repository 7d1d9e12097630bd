package io.alloytop.demo;

/** What a prometheus.exporter.unix component handler serves: a few node_* families that move. */
final class NodeExporterText {
    private NodeExporterText() {}

    static String render(DemoWorld world) {
        return world.read(v -> {
            double up = v.now().getEpochSecond() - v.startTime().getEpochSecond();
            Exposition x = new Exposition();
            x.family("node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.");
            x.sample("node_cpu_seconds_total", 81234.5 + up * 1.7, "cpu", "0", "mode", "idle");
            x.sample("node_cpu_seconds_total", 4321.25 + up * 0.2, "cpu", "0", "mode", "user");
            x.sample("node_cpu_seconds_total", 1234.75 + up * 0.08, "cpu", "0", "mode", "system");
            x.family("node_memory_MemAvailable_bytes", "gauge", "Memory information field MemAvailable_bytes.");
            x.sample("node_memory_MemAvailable_bytes", 5.4e9 - v.rss());
            x.family("node_memory_MemTotal_bytes", "gauge", "Memory information field MemTotal_bytes.");
            x.sample("node_memory_MemTotal_bytes", 8.2e9);
            x.family("node_load1", "gauge", "1m load average.");
            x.sample("node_load1", 0.42);
            return x.render();
        });
    }
}
