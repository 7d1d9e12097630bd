package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `alloytop --demo profile TYPE` starts the embedded Alloy and captures from it, like `--demo check`. */
class ProfileDemoTest {
    @Test
    void demoHeapIsCapturedSavedAndPrinted(@TempDir Path dir) throws Exception {
        ProfileCommandTest.Run r = ProfileCommandTest.run("--demo", "profile", "heap", "--top", "5", "--profile-dir", dir.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("Saved " + dir), r.out());
        assertTrue(r.out().contains("Type: inuse_space (bytes)"), r.out());
        assertTrue(r.out().contains("Showing top 5 of"), r.out());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> saved = files.toList();
            assertEquals(1, saved.size());
            assertTrue(saved.get(0).getFileName().toString().contains("-heap-"), saved.toString());
        }
    }

    @Test
    void demoCpuRecordsForTheAskedSeconds(@TempDir Path dir) {
        long t0 = System.nanoTime();
        ProfileCommandTest.Run r = ProfileCommandTest.run("--demo", "profile", "cpu", "--seconds", "1", "--top", "3",
                "--profile-dir", dir.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Type: cpu (nanoseconds)"), r.out());
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "the demo records for the requested second");
    }
}
