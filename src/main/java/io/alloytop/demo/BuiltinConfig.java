package io.alloytop.demo;

import static io.alloytop.demo.AlloyJson.array;
import static io.alloytop.demo.AlloyJson.attr;
import static io.alloytop.demo.AlloyJson.block;
import static io.alloytop.demo.AlloyJson.body;
import static io.alloytop.demo.AlloyJson.capsule;
import static io.alloytop.demo.AlloyJson.str;
import static io.alloytop.demo.AlloyJson.stringObject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's default "config file": a realistic self-monitoring host config (metrics, logs, profiles,
 * traces to Grafana Cloud) with a declare module, a foreach, remote-config components and one failing
 * {@code local.file}. With a scale, extra modules of pipelines bring the total near that count.
 */
public final class BuiltinConfig implements DemoConfigLoader {
    public static final String FAILING_FILE_ID = "local.file.api_key";
    public static final String FAILING_FILE_MESSAGE =
            "failed to read file: open /etc/alloy/secrets/api_key: no such file or directory";
    public static final String CONFIG_PATH = "/etc/alloy/config.alloy";

    private final int scale;

    public BuiltinConfig(int scale) {
        this.scale = scale;
    }

    @Override
    public LoadOutcome load() {
        return new LoadOutcome.Ok(components(scale));
    }

    public static List<ComponentDecl> components(int scale) {
        List<ComponentDecl> all = new ArrayList<>(root());
        all.addAll(selfMonitorModule());
        for (String[] host : HOSTS) all.addAll(foreachChild(host[0], host[1]));
        all.addAll(remotecfg());
        if (scale > all.size()) all.addAll(scaled(scale - all.size(), all));
        return all;
    }

    private static final String[][] HOSTS = {{"foreach_web1_1", "web1"}, {"foreach_web2_2", "web2"}, {"foreach_db1_3", "db1"}};

    static ArrayNode endpoint(String url, String user) {
        return body(block("endpoint", null,
                attr("url", str(url)),
                block("basic_auth", null, attr("username", str(user)), attr("password", capsule("(secret)")))));
    }

    static ArrayNode receiverExport(String id, String name) {
        return body(attr(name, capsule(id + "." + name)));
    }

    static ObjectNode target(Map<String, String> labels) {
        return stringObject(labels);
    }

    static Map<String, String> exporterTarget(String id, String instance, String job) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("__address__", "alloy.internal:12345");
        m.put("__meta_component_id", id);
        m.put("__meta_component_name", ComponentDecl.typeOf(id));
        m.put("__metrics_path__", "/api/v0/component/" + id + "/metrics");
        m.put("__scheme__", "http");
        m.put("instance", instance);
        m.put("job", job);
        return m;
    }

    static List<ComponentDecl> root() {
        List<ComponentDecl> l = new ArrayList<>();
        l.add(ComponentDecl.of("local.file", "api_key")
                .withArguments(body(attr("filename", str("/etc/alloy/secrets/api_key")), attr("is_secret", AlloyJson.bool(true))))
                .withHealth("unhealthy", FAILING_FILE_MESSAGE));
        l.add(ComponentDecl.of("local.file", "gcloud_token")
                .withArguments(body(attr("filename", str("/etc/alloy/secrets/gcloud_token")), attr("is_secret", AlloyJson.bool(true))))
                .withExports(body(attr("content", capsule("(secret)")))));
        l.add(ComponentDecl.of("prometheus.exporter.unix", "node")
                .withExports(body(attr("targets", array(target(exporterTarget("prometheus.exporter.unix.node", "demo-host", "integrations/unix")))))));
        l.add(ComponentDecl.of("prometheus.exporter.self", "alloy")
                .withExports(body(attr("targets", array(target(exporterTarget("prometheus.exporter.self.alloy", "demo-host", "integrations/alloy")))))));
        l.add(ComponentDecl.of("discovery.file", "services")
                .withArguments(body(attr("files", array(str("/etc/alloy/targets/*.json"))), attr("refresh_interval", str("5m0s")))));
        l.add(ComponentDecl.of("discovery.relabel", "services")
                .withArguments(body(attr("targets", array()),
                        block("rule", null, attr("source_labels", array(str("__meta_filepath"))), attr("target_label", str("source_file")),
                                attr("action", str("replace")))))
                .referencing("discovery.file.services"));
        l.add(ComponentDecl.of("prometheus.scrape", "self")
                .withArguments(body(
                        attr("targets", array(target(exporterTarget("prometheus.exporter.self.alloy", "demo-host", "integrations/alloy")),
                                target(exporterTarget("prometheus.exporter.unix.node", "demo-host", "integrations/unix")))),
                        attr("forward_to", array(capsule("prometheus.remote_write.grafana_cloud.receiver"))),
                        attr("scrape_interval", str("15s"))))
                .referencing("prometheus.exporter.self.alloy", "prometheus.exporter.unix.node", "prometheus.remote_write.grafana_cloud"));
        l.add(ComponentDecl.of("prometheus.scrape", "services")
                .withArguments(body(attr("targets", array()),
                        attr("forward_to", array(capsule("prometheus.relabel.drop_debug.receiver"))),
                        attr("scrape_interval", str("30s"))))
                .referencing("discovery.relabel.services", "prometheus.relabel.drop_debug"));
        l.add(ComponentDecl.of("prometheus.relabel", "drop_debug")
                .withArguments(body(attr("forward_to", array(capsule("prometheus.remote_write.grafana_cloud.receiver"))),
                        block("rule", null, attr("source_labels", array(str("__name__"))), attr("regex", str("debug_.*")), attr("action", str("drop")))))
                .withExports(receiverExport("prometheus.relabel.drop_debug", "receiver"))
                .referencing("prometheus.remote_write.grafana_cloud"));
        l.add(ComponentDecl.of("prometheus.remote_write", "grafana_cloud")
                .withArguments(endpoint("https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push", "1234567"))
                .withExports(receiverExport("prometheus.remote_write.grafana_cloud", "receiver"))
                .referencing("local.file.gcloud_token"));
        l.add(ComponentDecl.of("loki.source.journal", "system")
                .withArguments(body(attr("forward_to", array(capsule("loki.process.system.receiver"))),
                        attr("matches", str("_SYSTEMD_UNIT=alloy.service")), attr("max_age", str("7h0m0s")),
                        attr("labels", stringObject(Map.of("service_name", "alloy")))))
                .referencing("loki.process.system"));
        l.add(ComponentDecl.of("loki.process", "system")
                .withArguments(body(attr("forward_to", array(capsule("loki.write.grafana_cloud.receiver"))),
                        block("stage.logfmt", null, attr("mapping", stringObject(Map.of("level", ""))))))
                .withExports(receiverExport("loki.process.system", "receiver"))
                .referencing("loki.write.grafana_cloud"));
        l.add(ComponentDecl.of("loki.write", "grafana_cloud")
                .withArguments(endpoint("https://logs-prod-006.grafana.net/loki/api/v1/push", "654321"))
                .withExports(receiverExport("loki.write.grafana_cloud", "receiver"))
                .referencing("local.file.gcloud_token"));
        l.add(ComponentDecl.of("pyroscope.scrape", "alloy")
                .withArguments(body(attr("targets", array(stringObject(Map.of("__address__", "127.0.0.1:12345", "service_name", "alloy")))),
                        attr("forward_to", array(capsule("pyroscope.write.grafana_cloud.receiver")))))
                .referencing("pyroscope.write.grafana_cloud"));
        l.add(ComponentDecl.of("pyroscope.write", "grafana_cloud")
                .withArguments(endpoint("https://profiles-prod-001.grafana.net", "987654"))
                .withExports(receiverExport("pyroscope.write.grafana_cloud", "receiver"))
                .referencing("local.file.gcloud_token"));
        l.add(ComponentDecl.of("otelcol.receiver.otlp", "default")
                .withArguments(body(block("grpc", null, attr("endpoint", str("127.0.0.1:4317"))),
                        block("output", null, attr("traces", array(capsule("otelcol.processor.batch.default.input"))))))
                .referencing("otelcol.processor.batch.default"));
        l.add(ComponentDecl.of("otelcol.processor.batch", "default")
                .withArguments(body(block("output", null, attr("traces", array(capsule("otelcol.exporter.otlp.grafana_cloud.input"))))))
                .withExports(receiverExport("otelcol.processor.batch.default", "input"))
                .referencing("otelcol.exporter.otlp.grafana_cloud"));
        l.add(ComponentDecl.of("otelcol.auth.basic", "grafana_cloud")
                .withArguments(body(block("client_auth", null, attr("username", str("112233")), attr("password", capsule("(secret)")))))
                .withExports(body(attr("handler", capsule("otelcol.auth.basic.grafana_cloud.handler"))))
                .referencing("local.file.gcloud_token"));
        l.add(ComponentDecl.of("otelcol.exporter.otlp", "grafana_cloud")
                .withArguments(body(block("client", null, attr("endpoint", str("tempo-prod-04-prod-us-east-0.grafana.net:443")),
                        attr("auth", capsule("otelcol.auth.basic.grafana_cloud.handler")))))
                .withExports(receiverExport("otelcol.exporter.otlp.grafana_cloud", "input"))
                .referencing("otelcol.auth.basic.grafana_cloud"));
        l.add(ComponentDecl.of("self_monitor", "main")
                .withArguments(body(attr("forward_to", array(capsule("prometheus.remote_write.grafana_cloud.receiver")))))
                .referencing("prometheus.remote_write.grafana_cloud")
                .creating("self_monitor.main"));
        List<String> children = new ArrayList<>();
        for (String[] h : HOSTS) children.add("foreach.hosts/" + h[0]);
        l.add(ComponentDecl.of("foreach", "hosts")
                .withArguments(body(attr("collection", array(str("web1"), str("web2"), str("db1"))), attr("var", str("host"))))
                .creating(children.toArray(new String[0])));
        return l;
    }

    static List<ComponentDecl> selfMonitorModule() {
        String m = "self_monitor.main";
        return List.of(
                ComponentDecl.of("prometheus.exporter.self", "inner").inModule(m)
                        .withExports(body(attr("targets", array(target(exporterTarget("prometheus.exporter.self.inner", "demo-host", "integrations/alloy")))))),
                ComponentDecl.of("prometheus.scrape", "inner").inModule(m)
                        .withArguments(body(attr("targets", array(target(exporterTarget("prometheus.exporter.self.inner", "demo-host", "integrations/alloy")))),
                                attr("forward_to", array(capsule("prometheus.relabel.inner.receiver")))))
                        .referencing("prometheus.exporter.self.inner", "prometheus.relabel.inner"),
                ComponentDecl.of("prometheus.relabel", "inner").inModule(m)
                        .withArguments(body(attr("forward_to", array(capsule("prometheus.remote_write.grafana_cloud.receiver"))),
                                block("rule", null, attr("target_label", str("cluster")), attr("replacement", str("demo")))))
                        .withExports(receiverExport("prometheus.relabel.inner", "receiver")));
    }

    static List<ComponentDecl> foreachChild(String child, String host) {
        String m = "foreach.hosts/" + child;
        return List.of(
                ComponentDecl.of("discovery.relabel", "host").inModule(m)
                        .withArguments(body(attr("targets", array(stringObject(Map.of("__address__", host + ":9100")))))),
                ComponentDecl.of("prometheus.scrape", "host").inModule(m)
                        .withArguments(body(attr("targets", array(stringObject(Map.of("__address__", host + ":9100", "instance", host)))),
                                attr("forward_to", array(capsule("prometheus.remote_write.grafana_cloud.receiver")))))
                        .referencing("discovery.relabel.host"));
    }

    static List<ComponentDecl> remotecfg() {
        String m = "remotecfg";
        return List.of(
                ComponentDecl.of("prometheus.exporter.unix", "fleet").inModule(m),
                ComponentDecl.of("prometheus.scrape", "fleet").inModule(m)
                        .withArguments(body(attr("targets", array(target(exporterTarget("prometheus.exporter.unix.fleet", "demo-host", "integrations/unix")))),
                                attr("forward_to", array(capsule("prometheus.remote_write.fleet.receiver")))))
                        .referencing("prometheus.exporter.unix.fleet", "prometheus.remote_write.fleet"),
                ComponentDecl.of("prometheus.remote_write", "fleet").inModule(m)
                        .withArguments(endpoint("https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push", "1234567"))
                        .withExports(receiverExport("prometheus.remote_write.fleet", "receiver")));
    }

    /**
     * Extra modules for benchmarks: declare instances {@code pipeline.team_NN}, each with a chain of
     * discovery → scrape → relabel → remote_write, so a 600-component graph spans ~30 modules.
     */
    static List<ComponentDecl> scaled(int extra, List<ComponentDecl> existing) {
        List<ComponentDecl> out = new ArrayList<>();
        int modules = Math.max(1, Math.min(29, extra / 8));
        int perModule = Math.max(2, (extra - modules) / modules);
        for (int i = 0; i < modules; i++) {
            String label = String.format("team_%02d", i + 1);
            String m = "pipeline." + label;
            out.add(ComponentDecl.of("pipeline", label).creating(m));
            int n = 0;
            while (n < perModule) {
                int chain = n / 4;
                String[] ids = {"discovery.relabel.c" + chain, "prometheus.scrape.c" + chain, "prometheus.relabel.c" + chain,
                        "prometheus.remote_write.c" + chain};
                out.add(ComponentDecl.of("discovery.relabel", "c" + chain).inModule(m));
                if (++n >= perModule) break;
                out.add(ComponentDecl.of("prometheus.scrape", "c" + chain).inModule(m).referencing(ids[0], ids[2]));
                if (++n >= perModule) break;
                out.add(ComponentDecl.of("prometheus.relabel", "c" + chain).inModule(m).referencing(ids[3])
                        .withExports(receiverExport(ids[2], "receiver")));
                if (++n >= perModule) break;
                out.add(ComponentDecl.of("prometheus.remote_write", "c" + chain).inModule(m)
                        .withExports(receiverExport(ids[3], "receiver")));
                n++;
            }
        }
        return out;
    }
}
