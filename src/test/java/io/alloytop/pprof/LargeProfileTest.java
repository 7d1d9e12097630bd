package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB (gzip'd) profile decodes correctly in a JVM whose heap is capped at 64 MB: decoding
 * streams samples instead of holding them. The child JVM also reports time and peak heap.
 */
class LargeProfileTest {
    static final long SIZE = 50L << 20;
    static final String HEAP_CAP = "-Xmx64m";

    @Test
    void fiftyMegabyteProfileDecodesInBoundedMemory(@TempDir Path dir) throws Exception {
        long g0 = System.nanoTime();
        LargeProfiles.Written w = LargeProfiles.write(dir.resolve("large.pb.gz"), SIZE, 42);
        long genMs = (System.nanoTime() - g0) / 1_000_000;
        assertTrue(w.gzipBytes() >= SIZE - (2 << 20), "file is " + w.gzipBytes());

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP_CAP,
                "-cp", System.getProperty("java.class.path"), LargeProfileCheck.class.getName(), w.file().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, String> r = new HashMap<>();
        for (String kv : out.substring(out.lastIndexOf("samples=")).split(" ")) {
            r.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        assertEquals(Long.toString(w.samples()), r.get("samples"));
        assertEquals(Long.toString(w.totalNanos()), r.get("total"));
        assertEquals(Long.toString(w.totalCount()), r.get("count"));
        assertEquals(Long.toString(w.totalNanos()), r.get("flatSum"), "every sample lands in exactly one flat");
        assertEquals("runtime.main", r.get("cumTop"));
        assertEquals(Long.toString(w.totalNanos()), r.get("cumTopValue"), "runtime.main is on every stack");

        System.out.printf("large profile: %.1f MB gzip'd, %d samples, generated in %d ms; child JVM %s: %s%n",
                w.gzipBytes() / 1048576.0, w.samples(), genMs, HEAP_CAP, out);
    }
}
