package io.alloytop.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's real `prometheus` on 127.0.0.1: a Go server with the same process_/go_ families,
 * /-/ready, /-/reload (lifecycle on) and /debug/pprof as Alloy, but no alloy_build_info.
 */
public final class PrometheusServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private PrometheusServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts prometheus; extra flags such as --web.enable-remote-write-receiver may be added. */
    public static PrometheusServer start(String... extraFlags) throws IOException, InterruptedException {
        Path bin = RealPrograms.require("prometheus");
        Path dir = Files.createTempDirectory("alloytop-prom");
        Path cfg = dir.resolve("prometheus.yml");
        Files.writeString(cfg, "global:\n  scrape_interval: 15s\nscrape_configs: []\n");
        int port = Ports.free();
        List<String> cmd = new ArrayList<>(List.of(bin.toString(),
                "--config.file=" + cfg,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle"));
        cmd.addAll(List.of(extraFlags));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer s = new PrometheusServer(p, port, dir);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IOException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            if (s.readyStatus() == 200) return s;
            Thread.sleep(100);
        }
        s.close();
        throw new IOException("prometheus did not become ready in 30 s");
    }

    private int readyStatus() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(500);
            return c.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
