package io.alloytop.logs;

import io.alloytop.text.Sanitizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Follows a plain log file like {@code tail -F}: the last N lines first, then appends; a rename
 * (logrotate's default) is noticed by the path's file key changing, the old file is read to its
 * end and the new one from its start; a truncation (copytruncate) restarts from offset 0. Polls,
 * because inotify is not reachable from Java for rename-of-self and the cost at 4 Hz is nil; a
 * write to the file ends a poll's sleep early ({@link FileChanges}). While lines keep coming the
 * poll is short ({@link #BUSY_POLL}), doubling back to the idle interval once they stop: a fixed
 * 250 ms sleep at every end-of-file made a busy log arrive in 300 ms lumps.
 */
public final class FileSource implements LogSource {
    private static final int MAX_LINE = 1 << 20;
    static final Duration BUSY_POLL = Duration.ofMillis(10);

    private final Path path;
    private final int lines;
    private final boolean follow;
    private final Clock clock;
    private final Duration poll;
    private volatile boolean closed;
    private Thread thread;

    public FileSource(Path path, int lines, boolean follow, Clock clock, Duration poll) {
        this.path = path;
        this.lines = lines;
        this.follow = follow;
        this.clock = clock;
        this.poll = poll;
    }

    public FileSource(Path path, int lines, boolean follow) {
        this(path, lines, follow, Clock.systemUTC(), Duration.ofMillis(250));
    }

    @Override
    public void start(LogSink sink) {
        thread = new Thread(() -> run(sink), "alloytop-logfile");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(LogSink sink) {
        Batcher batcher = new Batcher(sink);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        FileChannel ch = null;
        Object key = null;
        boolean first = true;
        boolean saidMissing = false;
        long idleSleep = poll.toMillis();
        FileChanges changes = follow ? new FileChanges(path) : null;
        try {
            while (!closed) {
                if (ch == null) {
                    try {
                        ch = FileChannel.open(path, StandardOpenOption.READ);
                        key = fileKey(path);
                        ch.position(first ? startOfLastLines(ch, lines) : 0);
                        if (!first) sink.status("reading " + path + " from its start (rotated or created)", false);
                        first = false;
                        saidMissing = false;
                    } catch (NoSuchFileException e) {
                        if (!follow) {
                            sink.status("cannot read " + path + ": no such file", true);
                            return;
                        }
                        if (!saidMissing) sink.status("waiting for " + path + " to appear", true);
                        saidMissing = true;
                        first = false;
                        changes.await(poll.toMillis());
                        continue;
                    }
                }
                int n;
                boolean readAny = false;
                while ((n = ch.read(buf.clear())) > 0) {
                    readAny = true;
                    split(buf.array(), n, partial, batcher);
                    batcher.maybeFlush(true);
                }
                if (!follow) {
                    endPartial(partial, batcher);
                    batcher.flush();
                    return;
                }
                batcher.flush();
                if (readAny) {
                    idleSleep = Math.min(BUSY_POLL.toMillis(), poll.toMillis());
                    continue;
                }
                if (ch.size() < ch.position()) { // copytruncate: the writer starts over
                    partial.reset();
                    ch.position(0);
                    sink.status(path + " was truncated; reading from its start", false);
                    continue;
                }
                Object now = fileKeyOrNull(path);
                if (now != null && !Objects.equals(now, key)) { // renamed away and recreated: old one is drained
                    endPartial(partial, batcher);
                    batcher.flush();
                    ch.close();
                    ch = null;
                    continue;
                }
                changes.await(idleSleep);
                idleSleep = Math.min(idleSleep * 2, poll.toMillis());
            }
        } catch (IOException e) {
            batcher.flush();
            if (!closed) sink.status("reading " + path + " failed: " + Sanitizer.line(String.valueOf(e.getMessage())), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (changes != null) changes.close();
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a read-only channel cannot lose data
                }
            }
            sink.finished();
        }
    }

    private void split(byte[] b, int n, ByteArrayOutputStream partial, Batcher batcher) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] != '\n') continue;
            partial.write(b, start, i - start);
            emit(partial, batcher);
            start = i + 1;
        }
        partial.write(b, start, n - start);
        if (partial.size() > MAX_LINE) emit(partial, batcher); // a runaway line is cut, not hoarded
    }

    private void endPartial(ByteArrayOutputStream partial, Batcher batcher) {
        if (partial.size() > 0) emit(partial, batcher);
    }

    private void emit(ByteArrayOutputStream partial, Batcher batcher) {
        byte[] raw = partial.toByteArray();
        partial.reset();
        int len = raw.length;
        if (len > 0 && raw[len - 1] == '\r') len--;
        String text = new String(raw, 0, len, java.nio.charset.StandardCharsets.UTF_8);
        batcher.add(LineParser.parse(text, clock.instant(), null));
    }

    /** Offset where the last n lines begin, scanning back from the end in blocks. */
    static long startOfLastLines(FileChannel ch, int n) throws IOException {
        long size = ch.size();
        if (n <= 0) return size;
        long pos = size;
        int newlines = 0;
        ByteBuffer block = ByteBuffer.allocate(8192);
        boolean skipTrailing = true;
        while (pos > 0) {
            int len = (int) Math.min(block.capacity(), pos);
            pos -= len;
            block.clear().limit(len);
            ch.read(block, pos);
            for (int i = len - 1; i >= 0; i--) {
                if (block.get(i) != '\n') {
                    skipTrailing = false;
                    continue;
                }
                if (skipTrailing) { // the newline ending the last line does not start a line
                    skipTrailing = false;
                    continue;
                }
                if (++newlines == n) return pos + i + 1;
            }
        }
        return 0;
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    private static Object fileKeyOrNull(Path p) {
        try {
            return fileKey(p);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return "file: " + path;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
