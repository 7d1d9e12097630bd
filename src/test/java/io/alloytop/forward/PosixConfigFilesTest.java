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

    @Test
    void ownerAndGroupOfAnotherUserAreKeptWhenPrivileged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to give a file away");
        Path f = Files.writeString(dir.resolve("config.alloy"), "old\n");
        Files.setAttribute(f, "unix:uid", 65534);
        Files.setAttribute(f, "unix:gid", 65534);
        FileState before = files.capture(f);
        assertEquals(List.of(), files.write(f, "new\n".getBytes(), Optional.of(before),
                PosixFilePermissions.fromString("rw-r--r--"), Optional.empty()));
        assertEquals(65534, Files.getAttribute(f, "unix:uid"));
        assertEquals(65534, Files.getAttribute(f, "unix:gid"));

        Path key = dir.resolve("alloytop-selfmon.key");
        files.write(key, "k".getBytes(), Optional.empty(), PosixFilePermissions.fromString("rw-------"), Optional.of(65534));
        assertEquals(65534, Files.getAttribute(key, "unix:uid"), "the secret file is handed to Alloy's user");
    }

    @Test
    void alloyBinaryValidatorFallsBackToFmtAndReportsRejections() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path alloy = bin.resolve("alloy");
        // An old alloy: no validate; fmt fails on files containing "bad".
        Files.writeString(alloy, "#!/bin/sh\nif [ \"$1\" = validate ]; then echo 'Error: unknown command \"validate\" for \"alloy\"'; exit 1; fi\n"
                + "if grep -q bad \"$2\"; then echo \"$2:1:1: expected block body, got IDENT\"; echo 'Error: encountered errors during formatting'; exit 1; fi\nexit 0\n");
        Files.setPosixFilePermissions(alloy, PosixFilePermissions.fromString("rwxr-xr-x"));
        ExternalValidator v = AlloyBinaryValidator.onPath(bin.toString());
        Path cfg = dir.resolve("config.alloy");
        ForwardPlan good = new ForwardPlan(ForwardPlan.Action.ON, new ConfigLocation(cfg, false, "t"), java.util.Set.of(),
                List.of(), List.of(), List.of(), java.util.Map.of(), List.of(),
                List.of(new ConfigOnDisk.DiskFile(cfg, "logging {\n}\n".getBytes())));
        assertEquals(new ExternalValidator.Outcome(ForwardStep.State.OK, "alloy fmt accepted it (this alloy has no validate)"),
                v.validate(good));
        ForwardPlan bad = new ForwardPlan(ForwardPlan.Action.ON, new ConfigLocation(cfg, false, "t"), java.util.Set.of(),
                List.of(), List.of(), List.of(), java.util.Map.of(), List.of(),
                List.of(new ConfigOnDisk.DiskFile(cfg, "bad\n".getBytes())));
        ExternalValidator.Outcome o = v.validate(bad);
        assertEquals(ForwardStep.State.FAILED, o.state());
        assertTrue(o.message().startsWith("alloy fmt rejected it: "), o.message());
        assertTrue(o.message().contains("config.alloy:1:1: expected block body, got IDENT"), o.message());
        assertEquals(ForwardStep.State.SKIPPED, AlloyBinaryValidator.onPath(dir.resolve("nothing").toString()).validate(good).state());
    }

    @Test
    void aSymlinkedConfigIsEditedWhereItLives() throws Exception {
        Path realDir = Files.createDirectories(dir.resolve("opt"));
        Path target = Files.writeString(realDir.resolve("config.alloy"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("config.alloy"), target);
        FileState before = files.capture(link);
        files.write(link, "new\n".getBytes(), Optional.of(before), PosixFilePermissions.fromString("rw-r--r--"), Optional.empty());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new\n", Files.readString(target));
        files.restore(before);
        assertEquals("old\n", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void validateSharesTheRunFlagsThatChangeWhatIsAccepted() {
        assertEquals(List.of("--stability.level=experimental", "--feature.community-components.enabled",
                        "--config.format=static"),
                AlloyBinaryValidator.validateFlags(List.of("/usr/bin/alloy", "run", "--stability.level", "experimental",
                        "--server.http.listen-addr=0.0.0.0:12345", "--feature.community-components.enabled",
                        "--config.format=static", "/etc/alloy/config.alloy")));
    }
}
