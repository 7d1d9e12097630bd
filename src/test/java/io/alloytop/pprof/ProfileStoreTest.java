package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Result;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    static final Instant AT = Instant.parse("2026-11-22T10:15:00.750Z");

    @Test
    void namesCarryHostTypeAndUtcSecond() {
        assertEquals("alloy-web01-heap-20261122T101500Z", ProfileStore.baseName("web01", ProfileType.HEAP, AT));
    }

    @Test
    void savesByteForByteIntoAPrivateFileAndNeverOverwrites(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("profiles");
        ProfileStore store = new ProfileStore(dir);
        byte[] first = PprofFixtureTest.resource("prometheus-heap.pb.gz");
        byte[] second = PprofFixtureTest.resource("prometheus-heap-later.pb.gz");

        SavedProfile a = store.save("web01", ProfileType.HEAP, AT, first).orNull();
        SavedProfile b = store.save("web01", ProfileType.HEAP, AT, second).orNull();
        SavedProfile c = store.save("web01", ProfileType.HEAP, AT, first).orNull();
        assertEquals(dir.resolve("alloy-web01-heap-20261122T101500Z.pb.gz"), a.path());
        assertEquals(dir.resolve("alloy-web01-heap-20261122T101500Z-2.pb.gz"), b.path());
        assertEquals(dir.resolve("alloy-web01-heap-20261122T101500Z-3.pb.gz"), c.path());
        assertArrayEquals(first, Files.readAllBytes(a.path()));
        assertArrayEquals(second, Files.readAllBytes(b.path()));
        assertEquals(first.length, a.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));

        SavedProfile t = store.save("web01", ProfileType.TRACE, AT, new byte[] {1, 2, 3}).orNull();
        assertEquals("alloy-web01-trace-20261122T101500Z.trace", t.path().getFileName().toString());
    }

    @Test
    void aSymlinkInTheWayIsNeitherFollowedNorReplaced(@TempDir Path tmp) throws Exception {
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Path dir = Files.createDirectories(tmp.resolve("profiles"));
        Path link = dir.resolve("alloy-h-cpu-20261122T101500Z.pb.gz");
        Files.createSymbolicLink(link, victim);
        Result<SavedProfile> r = new ProfileStore(dir).save("h", ProfileType.CPU, AT, new byte[] {0x1f, (byte) 0x8b});
        assertEquals("keep me", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(dir.resolve("alloy-h-cpu-20261122T101500Z-2.pb.gz"), r.orNull().path());
        assertTrue(Files.isRegularFile(r.orNull().path(), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAFailureValue(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Result<SavedProfile> r = new ProfileStore(file.resolve("sub")).save("h", ProfileType.HEAP, AT, new byte[] {1});
        assertTrue(r.failureOrNull().message().startsWith("cannot save the profile"), r.failureOrNull().message());
    }

    @Test
    void hostComesFromTheUrlAndLoopbackMeansThisMachine() {
        assertEquals("alloy-01.example.net", ProfileStore.hostFor("https://alloy-01.example.net:12345/"));
        assertEquals("10.0.3.17", ProfileStore.hostFor("http://10.0.3.17:12345"));
        assertEquals("fe80__1", ProfileStore.hostFor("http://[fe80::1]:12345"));
        String local = ProfileStore.hostFor("http://127.0.0.1:12345");
        assertEquals(local, ProfileStore.hostFor("http://localhost:12345"));
        assertEquals(local, ProfileStore.hostFor("http://[::1]:12345"));
        assertTrue(local.matches("[A-Za-z0-9._-]+") && !local.startsWith("127."), local);
    }
}
