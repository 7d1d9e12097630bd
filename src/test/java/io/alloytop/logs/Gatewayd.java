package io.alloytop.logs;

import io.alloytop.testing.Ports;
import io.alloytop.testing.RealPrograms;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real systemd-journal-gatewayd serving a journal directory, socket-activated on 127.0.0.1 (alone it
 * would bind every interface).
 */
final class Gatewayd implements AutoCloseable {
    private final Process process;
    final int port;

    private Gatewayd(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Gatewayd serve(Path journalDir, Path logDir) throws IOException, InterruptedException {
        Path activate = RealPrograms.require("systemd-socket-activate");
        Path gatewayd = RealPrograms.require("/lib/systemd/systemd-journal-gatewayd");
        int port = Ports.free();
        Path log = logDir.resolve("gatewayd-" + port + ".log");
        Process p = new ProcessBuilder(activate.toString(), "-l", "127.0.0.1:" + port, gatewayd.toString(),
                "-D", journalDir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("gatewayd exited: " + Files.readString(log));
            if (Files.readString(log).contains("Listening on")) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return new Gatewayd(p, port);
                } catch (IOException notYet) {
                    // keep waiting
                }
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("gatewayd did not listen on " + port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
