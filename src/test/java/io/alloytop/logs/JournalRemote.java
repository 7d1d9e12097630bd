package io.alloytop.logs;

import io.alloytop.testing.RealPrograms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A long-running real systemd-journal-remote that reads Journal Export Format from a pipe and
 * appends to one journal file, so followers see entries arrive live.
 */
final class JournalRemote implements AutoCloseable {
    static final String PROGRAM = "/lib/systemd/systemd-journal-remote";
    private final Process process;
    private final OutputStream in;
    final Path dir;
    final Path file;

    private JournalRemote(Process process, Path dir, Path file) {
        this.process = process;
        this.in = process.getOutputStream();
        this.dir = dir;
        this.file = file;
    }

    static JournalRemote start(Path dir) throws IOException {
        Path bin = RealPrograms.require(PROGRAM);
        Path file = dir.resolve("alloy.journal");
        Process p = new ProcessBuilder(bin.toString(), "--split-mode=none", "-o", file.toString(), "-")
                .redirectErrorStream(true).redirectOutput(dir.resolve("journal-remote.log").toFile()).start();
        return new JournalRemote(p, dir, file);
    }

    /** Writes entries and waits until the journal file holds them (counted with real journalctl). */
    void write(byte[] export, int expectedTotal) throws IOException, InterruptedException {
        in.write(export);
        in.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && count() >= expectedTotal) return;
            if (!process.isAlive()) throw new IOException("journal-remote exited: " + Files.readString(dir.resolve("journal-remote.log")));
            Thread.sleep(50);
        }
        throw new IOException("journal file did not reach " + expectedTotal + " entries");
    }

    private int count() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(RealPrograms.require("journalctl").toString(), "--directory", dir.toString(),
                "-o", "json", "--no-pager", "-q").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        int n = 0;
        for (byte b : out) if (b == '\n') n++;
        return n;
    }

    /** Closes stdin: journal-remote finishes the file and exits. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
