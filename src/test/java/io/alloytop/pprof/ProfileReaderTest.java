package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.alloy.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileReaderTest {
    @Test
    void capturedGoroutineProfilesComeWithStacks() throws Exception {
        byte[] gz = PprofFixtureTest.resource("prometheus-goroutine.pb.gz");
        ProfileData d = ProfileReader.read(new CapturedProfile(ProfileType.GOROUTINE, "h", Instant.EPOCH, gz)).orNull();
        assertEquals("goroutine", d.kind());
        assertEquals(d.summary(0).total(), d.stacks(0).stream().mapToLong(StackGroup::value).sum());
    }

    @Test
    void failuresAreValues(@TempDir Path dir) throws Exception {
        Failure html = ProfileReader.read(ProfileSource.of("<html>".getBytes()), false).failureOrNull();
        assertEquals(Failure.Kind.BAD_RESPONSE, html.kind());
        assertTrue(html.message().contains("HTML"), html.message());
        assertEquals(Failure.Kind.IO, ProfileReader.read(dir.resolve("missing.pb.gz")).failureOrNull().kind());
        assertEquals(Failure.Kind.NOT_SUPPORTED,
                ProfileReader.read(new CapturedProfile(ProfileType.TRACE, "h", Instant.EPOCH, new byte[] {1})).failureOrNull().kind());
        Path f = Files.write(dir.resolve("heap.pb.gz"), PprofFixtureTest.resource("prometheus-heap.pb.gz"));
        assertEquals("heap", ProfileReader.read(f).orNull().kind());
    }
}
