package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, as a user runs it: `forward on --dry-run`, `forward on`, `forward status`,
 * `forward off` against the demo Alloy reading a real config file, with Grafana Cloud played by a
 * loopback server that demands basic auth. No output and no file but the 0600 key file may contain
 * the key.
 */
class ForwardCliIT {
    @TempDir
    Path tmp;

    DemoAlloy demo;
    HttpServer cloud;
    Path config;
    byte[] original;

    @BeforeEach
    void start() throws IOException {
        Path etc = Files.createDirectories(tmp.resolve("etc/alloy"));
        config = Files.writeString(etc.resolve("config.alloy"), ForwardDemoCycleTest.USER_CONFIG);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        original = Files.readAllBytes(config);
        demo = DemoAlloy.start(DemoOptions.defaults().withConfigLoader(
                new FileDemoConfigLoader(new ConfigLocation(config, false, "test"))));
        cloud = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String good = "Basic " + Base64.getEncoder().encodeToString(("1234567:" + Fixtures.SECRET).getBytes(StandardCharsets.UTF_8));
        String goodLogs = "Basic " + Base64.getEncoder().encodeToString(("7654321:" + Fixtures.SECRET).getBytes(StandardCharsets.UTF_8));
        cloud.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            String a = ex.getRequestHeaders().getFirst("Authorization");
            ex.sendResponseHeaders(good.equals(a) || goodLogs.equals(a) ? 204 : 401, -1);
            ex.close();
        });
        cloud.start();
    }

    @AfterEach
    void stop() {
        cloud.stop(0);
        demo.close();
    }

    record Ran(int code, String out) {}

    Ran alloytop(String key, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("alloytop.jar"), "--url", demo.baseUrl()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String base = "http://127.0.0.1:" + cloud.getAddress().getPort();
        env.putAll(Fixtures.cloudEnv(base + "/api/prom/push", base + "/loki/api/v1/push"));
        env.put("GCLOUD_RW_API_KEY", key);
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void dryRunOnStatusOff() throws Exception {
        List<String> outputs = new ArrayList<>();
        Ran dry = alloytop(Fixtures.SECRET, "forward", "on", "--config-path", config.toString(), "--dry-run");
        outputs.add(dry.out);
        assertEquals(0, dry.code, dry.out);
        assertTrue(dry.out.contains("--- " + config + "\n+++ " + config + "\n@@ -14,3 +14,"), dry.out);
        assertTrue(dry.out.contains("+prometheus.remote_write \"alloytop_selfmon\" {"), dry.out);
        assertArrayEquals(original, Files.readAllBytes(config), "dry run changed nothing");

        Ran refused = alloytop("glc_wrong_key_value_000", "forward", "on", "--config-path", config.toString());
        outputs.add(refused.out);
        assertEquals(3, refused.code, refused.out);
        assertTrue(refused.out.contains("refused the credentials (HTTP 401)"), refused.out);
        assertArrayEquals(original, Files.readAllBytes(config));

        Ran on = alloytop(Fixtures.SECRET, "forward", "on", "--config-path", config.toString(), "--verify-timeout", "30s");
        outputs.add(on.out);
        assertEquals(0, on.code, on.out);
        assertTrue(on.out.contains("[ok  ] done: forwarding logs, metrics is on and verified"), on.out);

        Ran status = alloytop(Fixtures.SECRET, "forward", "status", "--config-path", config.toString(), "--sample", "2s");
        outputs.add(status.out);
        assertEquals(0, status.code, status.out);
        assertTrue(status.out.contains("  metrics   sending "), status.out);
        assertTrue(status.out.contains("  traces    off"), status.out);

        Ran off = alloytop(Fixtures.SECRET, "forward", "off", "--config-path", config.toString());
        outputs.add(off.out);
        assertEquals(0, off.code, off.out);
        assertArrayEquals(original, Files.readAllBytes(config));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));

        for (String o : outputs) assertFalse(o.contains(Fixtures.SECRET), o);
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(Fixtures.SECRET), p.toString());
            }
        }
    }
}
