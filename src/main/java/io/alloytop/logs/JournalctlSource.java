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
        return command(null);
    }

    /** The command line; after a restart it resumes after the last cursor instead of taking a backlog. */
    List<String> command(String afterCursor) {
        List<String> cmd = new ArrayList<>(List.of(journalctl, "-u", unit, "-o", "json", "--all", "--no-pager"));
        if (afterCursor != null) {
            cmd.add("--after-cursor=" + afterCursor);
        } else {
            cmd.add("-n");
            cmd.add(Integer.toString(lines));
        }
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
            p = launch(null);
        } catch (IOException e) {
            sink.status(JournalctlHints.NOT_INSTALLED, true);
            sink.finished();
            return;
        }
        reader = new Thread(() -> run(p, sink), "alloytop-journalctl");
        reader.setDaemon(true);
        reader.start();
    }

    private Process launch(String afterCursor) throws IOException {
        Process p = new ProcessBuilder(command(afterCursor)).start();
        p.getOutputStream().close();
        process = p;
        if (closed) p.destroy(); // close() ran while we were starting it
        return p;
    }

    /**
     * Reads journalctl until it ends. When following, a journalctl that dies after having worked a
     * while is restarted after the last cursor (no repeats, no gaps); one that fails at once
     * (bad directory, no permission) is reported and not retried.
     */
    private void run(Process first, LogSink sink) {
        JournalDecoder decoder = new JournalDecoder(unit);
        String[] lastCursor = {null};
        long backoffMs = 500;
        try {
            Process p = first;
            while (true) {
                long startedAt = System.nanoTime();
                int code = readOne(p, decoder, lastCursor, sink);
                if (closed || !follow) {
                    if (code != 0 && !closed) sink.status("journalctl exited with code " + code, true);
                    return;
                }
                boolean workedAWhile = System.nanoTime() - startedAt > 5_000_000_000L || lastCursor[0] != null;
                if (!workedAWhile) {
                    sink.status("journalctl exited with code " + code + "; not retrying", true);
                    return;
                }
                sink.status("journalctl exited with code " + code + "; restarting in " + backoffMs + " ms", true);
                Thread.sleep(backoffMs);
                backoffMs = Math.min(10_000, backoffMs * 2);
                if (closed) return;
                try {
                    p = launch(lastCursor[0]);
                } catch (IOException e) {
                    sink.status(JournalctlHints.NOT_INSTALLED, true);
                    return;
                }
                sink.status("journalctl restarted", false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sink.finished();
        }
    }

    /** One journalctl run: entries to the sink, stderr explained; returns the exit code. */
    private int readOne(Process p, JournalDecoder decoder, String[] lastCursor, LogSink sink) throws InterruptedException {
        Thread err = new Thread(() -> readErrors(p, sink), "alloytop-journalctl-stderr");
        err.setDaemon(true);
        err.start();
        Batcher batcher = new Batcher(sink);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    for (LogEntry e : decoder.decodeLine(line)) {
                        batcher.add(e);
                        if (e.cursor() != null) lastCursor[0] = e.cursor();
                    }
                }
                batcher.maybeFlush(in.ready());
            }
        } catch (IOException e) {
            if (!closed) sink.status("reading journalctl failed: " + e.getMessage(), true);
        } finally {
            batcher.flush();
        }
        int code = p.waitFor();
        err.join(2000);
        return code;
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

    /** The journalctl running now, for tests that kill it. */
    Process currentProcess() {
        return process;
    }

    @Override
    public String describe() {
        return "journal: " + unit + (directory != null ? " in " + directory : "");
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (reader != null) reader.interrupt(); // cuts a restart backoff short
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
