package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Result;
import io.alloytop.forward.Backups;
import io.alloytop.forward.FileState;
import io.alloytop.forward.PosixConfigFiles;
import io.alloytop.pprof.ProfileStore;
import io.alloytop.pprof.ProfileType;
import io.alloytop.pprof.SavedProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files alloytop writes (saved profiles, forward's managed config and its backups): restrictive
 * modes, written atomically, and a symlink planted at the target path is never followed. Every
 * config write is read back byte for byte; the difference is the "config bytes lost" figure.
 */
class FilesWrittenTest {
    static final Tally TALLY = new Tally("files");
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");

    @TempDir
    Path tmp;

    @AfterAll
    static void write() {
        TALLY.write();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private Path victim() throws IOException {
        Path v = tmp.resolve("victim.txt");
        Files.writeString(v, "do not touch\n");
        return v;
    }

    @Test
    void profilesArePrivateAndNeverFollowAPlantedSymlink() throws Exception {
        Path dir = tmp.resolve("profiles");
        ProfileStore store = new ProfileStore(dir);
        Path victim = victim();
        Files.createDirectories(dir);
        Path planted = dir.resolve(ProfileStore.baseName("alloy-host", ProfileType.CPU, AT) + ProfileType.CPU.extension());
        Files.createSymbolicLink(planted, victim);
        byte[] bytes = "profile bytes".getBytes(StandardCharsets.UTF_8);
        Result<SavedProfile> r = store.save("alloy-host", ProfileType.CPU, AT, bytes);
        assertTrue(r.isOk(), String.valueOf(r.failureOrNull()));
        assertEquals("do not touch\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(planted), "the planted link is left alone");
        Path saved = r.orNull().path();
        assertFalse(Files.isSymbolicLink(saved));
        assertArrayEquals(bytes, Files.readAllBytes(saved));
        assertEquals("rw-------", mode(saved));
        TALLY.inc("symlinkPlanted.profile");

        Path fresh = tmp.resolve("new-profiles");
        assertTrue(new ProfileStore(fresh).save("h", ProfileType.HEAP, AT, bytes).isOk());
        assertEquals("rwx------", mode(fresh));
    }

    @Test
    void managedConfigIsReplacedAtomicallyKeepingItsModeAndNeverThroughASymlink() throws Exception {
        PosixConfigFiles files = new PosixConfigFiles();
        Path dir = Files.createDirectories(tmp.resolve("etc-alloy"));
        Path config = dir.resolve("config.alloy");
        byte[] old = "logging { level = \"info\" }\n".getBytes(StandardCharsets.UTF_8);
        Files.write(config, old);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        FileState before = files.capture(config);
        byte[] next = ("logging { level = \"info\" }\n// BEGIN alloytop managed\nprometheus.exporter.self \"alloy\" { }\n"
                + "// END alloytop managed\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            files.write(config, next, Optional.of(before), Set.of(), Optional.empty());
            byte[] back = Files.readAllBytes(config);
            TALLY.add("configBytesWritten", next.length);
            TALLY.add("configBytesLost", mismatch(next, back));
            assertArrayEquals(next, back);
            assertEquals("rw-r-----", mode(config), "the existing mode is kept");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }

        // a symlink planted in a directory anyone can write to (like /tmp): refused, victim untouched
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path victim = victim();
        Path managed = shared.resolve("alloytop-selfmon.key");
        Files.createSymbolicLink(managed, victim);
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
        assertThrows(IOException.class, () -> files.write(managed, next, Optional.empty(), perms, Optional.empty()));
        assertEquals("do not touch\n", Files.readString(victim));
        TALLY.inc("symlinkPlanted.config");
        // in the config's own (private) directory a symlinked config is edited where it lives, by design
        Path real = dir.resolve("real.alloy");
        Files.write(real, old);
        Path link = dir.resolve("linked.alloy");
        Files.createSymbolicLink(link, real);
        files.write(link, next, Optional.of(files.capture(link)), Set.of(), Optional.empty());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(next, Files.readAllBytes(real));
        Files.delete(link);
        Files.delete(real);

        // a failing write (directory not writable) leaves the old config whole
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            if (!Files.isWritable(dir)) {
                assertThrows(IOException.class, () -> files.write(config, old, Optional.of(before), Set.of(), Optional.empty()));
                byte[] back = Files.readAllBytes(config);
                TALLY.add("configBytesLost", mismatch(next, back));
                assertArrayEquals(next, back);
            }
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void backupsArePrivateAndSkipAPlantedSymlink() throws Exception {
        Path dir = tmp.resolve("state/backups");
        Backups b = new Backups(dir, Clock.fixed(AT, ZoneOffset.UTC));
        Path first = b.save(Path.of("/etc/alloy/config.alloy"), "one".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", mode(first));
        assertEquals("rwx------", mode(dir));
        // the next name is predictable: plant a link there
        Path victim = victim();
        Path next = dir.resolve(first.getFileName().toString().replace(".bak", "-1.bak"));
        Files.createSymbolicLink(next, victim);
        Path second = b.save(Path.of("/etc/alloy/config.alloy"), "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("do not touch\n", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(second));
        assertEquals("two", Files.readString(second));
        assertEquals("rw-------", mode(second));
        TALLY.inc("symlinkPlanted.backup");
    }

    private static long mismatch(byte[] want, byte[] got) {
        long lost = Math.abs((long) want.length - got.length);
        for (int i = 0; i < Math.min(want.length, got.length); i++) if (want[i] != got[i]) lost++;
        return lost;
    }
}
