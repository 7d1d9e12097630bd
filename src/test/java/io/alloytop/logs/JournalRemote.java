package io.alloytop.logs;

import io.alloytop.testing.RealPrograms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A long-running real systemd-journal-remote that reads Journal Export Format from a named FIFO and
 * appends to one journal file, so followers see entries arrive live. The FIFO stays open for
 * writing until {@link #close()}, when journal-remote sees EOF, finishes the file and exits.
 */
final class JournalRemote implements AutoCloseable {
    static final String PROGRAM = "/lib/systemd/systemd-journal-remote";
    private final Process process;
    private final OutputStream in;
    final Path dir;
    final Path file;

    private final Path fifo;

    private JournalRemote(Process process, Path dir, Path file, Path fifo, OutputStream fifoOut) {
        this.process = process;
        this.fifo = fifo;
        this.in = fifoOut;
        this.dir = dir;
        this.file = file;
    }

    static JournalRemote start(Path dir) throws IOException, InterruptedException {
        Path bin = RealPrograms.require(PROGRAM);
        Path mkfifo = RealPrograms.require("mkfifo");
        Path file = dir.resolve("alloy.journal");
        Path fifo = Files.createTempDirectory("alloytop-fifo").resolve("export");
        if (new ProcessBuilder(mkfifo.toString(), fifo.toString()).start().waitFor() != 0) {
            throw new IOException("mkfifo " + fifo + " failed");
        }
        Process p = new ProcessBuilder(bin.toString(), "--split-mode=none", "-o", file.toString(), fifo.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("journal-remote.log").toFile()).start();
        // opening the write end blocks until journal-remote opens the read end
        return new JournalRemote(p, dir, file, fifo, new java.io.FileOutputStream(fifo.toFile()));
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
        Files.deleteIfExists(fifo);
        Files.deleteIfExists(fifo.getParent());
    }
}
