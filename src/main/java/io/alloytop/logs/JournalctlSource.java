package io.alloytop.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a unit's journal with {@code journalctl -u UNIT -o json --all -n N [-f] [--directory DIR]}
 * on its own threads. --all keeps long messages (JSON output would give null for them otherwise).
 */
public final class JournalctlSource implements LogSource {
    private final String journalctl;
    private final String unit;
    private final Path directory;
    private final int lines;
    private final boolean follow;
    private volatile boolean closed;
    private volatile Process process;
    private Thread reader;

    /**
     * @param journalctl the program (name on PATH or a path)
     * @param directory  a journal directory to read instead of the system journal, or null
     * @param lines      backlog size (-n)
     * @param follow     keep reading new entries (-f)
     */
    public JournalctlSource(String journalctl, String unit, Path directory, int lines, boolean follow) {
        this.journalctl = journalctl;
        this.unit = unit;
        this.directory = directory;
        this.lines = lines;
        this.follow = follow;
    }

    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(journalctl, "-u", unit, "-o", "json", "--all", "--no-pager",
                "-n", Integer.toString(lines)));
        if (follow) cmd.add("-f");
        if (directory != null) {
            cmd.add("--directory");
            cmd.add(directory.toString());
        }
        return cmd;
    }

    @Override
    public void start(LogSink sink) {
        Process p;
        try {
            p = new ProcessBuilder(command()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            sink.status(JournalctlHints.NOT_INSTALLED, true);
            sink.finished();
            return;
        }
        process = p;
        Thread err = new Thread(() -> readErrors(p, sink), "alloytop-journalctl-stderr");
        err.setDaemon(true);
        err.start();
        reader = new Thread(() -> readEntries(p, err, sink), "alloytop-journalctl");
        reader.setDaemon(true);
        reader.start();
    }

    private void readEntries(Process p, Thread err, LogSink sink) {
        JournalDecoder decoder = new JournalDecoder(unit);
        Batcher batcher = new Batcher(sink);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) batcher.add(decoder.decodeLine(line));
                batcher.maybeFlush(in.ready());
            }
            batcher.flush();
            int code = p.waitFor();
            err.join(2000);
            if (code != 0 && !closed) sink.status("journalctl exited with code " + code, true);
        } catch (IOException e) {
            batcher.flush();
            if (!closed) sink.status("reading journalctl failed: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.finished();
        }
    }

    private void readErrors(Process p, LogSink sink) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String msg = JournalctlHints.explain(line, unit);
                if (msg != null && !closed) sink.status(msg, true);
            }
        } catch (IOException ignored) {
            // the process went away; the entry reader reports how
        }
    }

    @Override
    public String describe() {
        return "journal: " + unit + (directory != null ? " in " + directory : "");
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (reader != null) reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (p.isAlive()) p.destroyForcibly();
        }
    }
}
