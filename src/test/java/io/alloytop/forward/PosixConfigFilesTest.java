package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixConfigFilesTest {
    @TempDir
    Path dir;

    final PosixConfigFiles files = new PosixConfigFiles();

    @Test
    void replaceKeepsModeAndLeavesNoTempFiles() throws Exception {
        Path f = Files.writeString(dir.resolve("config.alloy"), "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        FileState before = files.capture(f);
        List<String> warnings = files.write(f, "new\n".getBytes(), Optional.of(before),
                PosixFilePermissions.fromString("rw-r--r--"), Optional.empty());
        assertEquals(List.of(), warnings);
        assertEquals("new\n", Files.readString(f));
        FileState after = files.capture(f);
        assertEquals(before.perms(), after.perms());
        assertEquals(before.owner(), after.owner());
        assertEquals(before.group(), after.group());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "temp file left behind");
        }
        assertEquals(List.of(), files.restore(before));
        assertArrayEquals("old\n".getBytes(), Files.readAllBytes(f));
    }

    @Test
    void newFilesGetTheRequestedModeAndRestoreOfAbsentDeletes() throws Exception {
        Path f = dir.resolve("alloytop-selfmon.key");
        FileState absent = files.capture(f);
        assertFalse(absent.exists());
        files.write(f, "k".getBytes(), Optional.empty(), PosixFilePermissions.fromString("rw-------"), Optional.empty());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        files.restore(absent);
        assertFalse(Files.exists(f));
    }

    @Test
    void backupsAreTimestampedAndPrivate() throws Exception {
        Clock c = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
        Backups b = new Backups(dir.resolve("state/backups"), c);
        Path one = b.save(Path.of("/etc/alloy/config.alloy"), "x".getBytes());
        Path two = b.save(Path.of("/etc/alloy/config.alloy"), "y".getBytes());
        assertEquals("config.alloy.20261122T090000Z.bak", one.getFileName().toString());
        assertEquals("config.alloy.20261122T090000Z-1.bak", two.getFileName().toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one)));
        assertEquals("y", Files.readString(two));
        assertTrue(Files.getPosixFilePermissions(dir.resolve("state/backups")).size() == 3);
    }
}
