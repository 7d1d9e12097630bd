package io.alloytop.forward;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamped backups of config files, created 0600 from the first byte: configs written by
 * Grafana's installer can hold literal secrets.
 */
public final class Backups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    public Backups(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    public Path save(Path original, byte[] bytes) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String base = original.getFileName() + "." + STAMP.format(clock.instant());
        for (int n = 0; ; n++) {
            Path p = dir.resolve(n == 0 ? base + ".bak" : base + "-" + n + ".bak");
            try {
                Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            Files.write(p, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            return p;
        }
    }
}
