package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.syntax.AlloyFile;
import io.alloytop.syntax.ConfigSources;
import io.alloytop.syntax.Parser;
import io.alloytop.syntax.Stmt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigGeneratorTest {
    static List<Set<Signal>> allCombinations() {
        List<Set<Signal>> out = new ArrayList<>();
        for (int mask = 1; mask < 16; mask++) {
            Set<Signal> s = EnumSet.noneOf(Signal.class);
            for (Signal sig : Signal.values()) if ((mask & (1 << sig.ordinal())) != 0) s.add(sig);
            out.add(s);
        }
        return out;
    }

    @Test
    void everyCombinationParsesAndDeclaresExactlyTheManagedIds() {
        CloudSettings cloud = Fixtures.cloud();
        Map<String, String> alloyHasAll = Fixtures.cloudEnv(
                cloud.endpoint(Signal.METRICS).url(), cloud.endpoint(Signal.LOGS).url());
        alloyHasAll.put("GCLOUD_HOSTED_TRACES_URL", "tempo-prod-04-prod-us-east-0.grafana.net:443");
        int checked = 0;
        for (Set<Signal> signals : allCombinations()) {
            for (boolean host : new boolean[] {false, true}) {
                for (Optional<Map<String, String>> env : List.of(Optional.<Map<String, String>>empty(), Optional.of(alloyHasAll))) {
                    GeneratorInput in = RefChooser.choose(signals, host, cloud, env, "/etc/alloy/alloytop-selfmon.key",
                            "127.0.0.1:12345", "alloy.service");
                    String text = ConfigGenerator.generate(in);
                    String wrapped = ManagedBlock.wrap(text);
                    var diags = ConfigSources.validate(List.of(new ConfigSources.Source("gen.alloy", wrapped.getBytes())));
                    assertEquals(List.of(), diags, signals + " host=" + host + "\n" + wrapped);
                    assertFalse(wrapped.contains(Fixtures.SECRET), "secret inline for " + signals);
                    AlloyFile f = Parser.parse("gen.alloy", wrapped);
                    List<String> ids = new ArrayList<>();
                    boolean tracing = false;
                    for (Stmt s : f.body()) {
                        Stmt.Block b = (Stmt.Block) s;
                        if (b.name().equals("tracing")) tracing = true;
                        else ids.add(b.id());
                    }
                    boolean secretFile = in.apiKey() instanceof ValueRef.SecretFile;
                    assertEquals(env.isEmpty(), secretFile, "sys.env only when Alloy's env has the same key");
                    assertEquals(ManagedIds.components(signals, host, secretFile), ids);
                    assertEquals(signals.contains(Signal.TRACES), tracing);
                    checked++;
                }
            }
        }
        assertEquals(60, checked);
    }

    @Test
    void sysEnvOnlyForValuesAlloyReallyHas() {
        CloudSettings cloud = Fixtures.cloud();
        Map<String, String> alloyEnv = Map.of("GCLOUD_RW_API_KEY", "a-different-key",
                "GCLOUD_HOSTED_METRICS_URL", cloud.endpoint(Signal.METRICS).url());
        GeneratorInput in = RefChooser.choose(EnumSet.of(Signal.METRICS), false, cloud, Optional.of(alloyEnv),
                "/k", "127.0.0.1:12345", "alloy.service");
        assertEquals(new ValueRef.SecretFile(ManagedIds.KEY_LABEL), in.apiKey());
        assertEquals(new ValueRef.Env("GCLOUD_HOSTED_METRICS_URL"), in.urls().get(Signal.METRICS));
        assertEquals(new ValueRef.Literal("1234567"), in.ids().get(Signal.METRICS));
        String text = ConfigGenerator.generate(in);
        assertTrue(text.contains("url = sys.env(\"GCLOUD_HOSTED_METRICS_URL\")"), text);
        assertTrue(text.contains("password = local.file.alloytop_selfmon_key.content"), text);
        assertTrue(text.contains("is_secret = true"), text);
    }

    @Test
    void metricsShapeMatchesTheFactsFile() {
        GeneratorInput in = RefChooser.choose(EnumSet.of(Signal.METRICS), true, Fixtures.cloud(), Optional.empty(),
                "/etc/alloy/alloytop-selfmon.key", "127.0.0.1:12345", "alloy.service");
        String expected = String.join("\n",
                "local.file \"alloytop_selfmon_key\" {",
                "  filename  = \"/etc/alloy/alloytop-selfmon.key\"",
                "  is_secret = true",
                "}",
                "",
                "prometheus.exporter.self \"alloytop_selfmon\" { }",
                "",
                "prometheus.exporter.unix \"alloytop_selfmon\" { }",
                "",
                "prometheus.scrape \"alloytop_selfmon\" {",
                "  targets         = array.concat(prometheus.exporter.self.alloytop_selfmon.targets, prometheus.exporter.unix.alloytop_selfmon.targets)",
                "  forward_to      = [prometheus.remote_write.alloytop_selfmon.receiver]",
                "  scrape_interval = \"15s\"",
                "}",
                "",
                "prometheus.remote_write \"alloytop_selfmon\" {",
                "  endpoint {",
                "    url = \"https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push\"",
                "    basic_auth {",
                "      username = \"1234567\"",
                "      password = local.file.alloytop_selfmon_key.content",
                "    }",
                "  }",
                "}",
                "");
        assertEquals(expected, ConfigGenerator.generate(in));
    }

    @Test
    void tracesEndpointBecomesHostPort() {
        assertEquals("tempo.example:443", RefChooser.grpcHostPort("https://tempo.example/otlp"));
        assertEquals("tempo.example:4317", RefChooser.grpcHostPort("tempo.example:4317"));
        assertEquals("tempo.example:443", RefChooser.grpcHostPort("tempo.example"));
        assertEquals("127.0.0.1:4317", RefChooser.grpcHostPort("http://127.0.0.1:4317"));
    }

    @Test
    void literalsEscapeForAlloy() {
        assertEquals("\"a\\\"b\\\\c\\n\"", AlloyText.quote("a\"b\\c\n"));
    }

    @Test
    void signalListParsing() {
        assertEquals(EnumSet.of(Signal.METRICS, Signal.LOGS), Signal.parseList(null).orNull());
        assertEquals(EnumSet.allOf(Signal.class), Signal.parseList("all").orNull());
        assertEquals(EnumSet.of(Signal.TRACES, Signal.PROFILES), Signal.parseList(" traces , profiles").orNull());
        assertTrue(Signal.parseList("metrics,bogus").failureOrNull().message().contains("bogus"));
    }
}
