package io.alloytop.logs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * A sleep that ends early when a file of the followed name is written or created in its directory
 * (inotify on Linux, through the JDK's WatchService), so a log that starts moving after a quiet
 * spell shows within milliseconds instead of at the next poll. Where there is no such service (a
 * network filesystem, a directory that does not exist yet) it is a plain sleep: polling stays the
 * source of truth, this only shortens the wait.
 */
final class FileChanges implements AutoCloseable {
    private final Path name;
    private WatchService watch;

    FileChanges(Path file) {
        this.name = file.getFileName();
        Path dir = file.toAbsolutePath().getParent();
        try {
            WatchService ws = FileSystems.getDefault().newWatchService();
            try {
                dir.register(ws, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
                watch = ws;
            } catch (IOException | RuntimeException e) {
                ws.close();
            }
        } catch (IOException | RuntimeException e) {
            watch = null;
        }
    }

    /** Waits up to {@code millis}, less if the file changes; other files of the directory do not count. */
    void await(long millis) throws InterruptedException {
        if (watch == null) {
            Thread.sleep(millis);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            WatchKey k;
            try {
                k = watch.poll(left, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) { // closed under us
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                return;
            }
            if (k == null) return;
            boolean ours = false;
            for (WatchEvent<?> e : k.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(e.context())) ours = true;
            }
            k.reset();
            if (ours) return;
        }
    }

    @Override
    public void close() {
        if (watch == null) return;
        try {
            watch.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
