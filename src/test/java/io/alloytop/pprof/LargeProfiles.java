package io.alloytop.pprof;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic CPU profile of a given gzip'd size, streaming, so neither the test nor the
 * benchmark needs the whole thing in memory. Stacks are random, deep (10–40 frames), with some
 * inlined frames; every stack ends in runtime.main, so its cum equals the total.
 */
public final class LargeProfiles {
    public static final int FUNCTIONS = 5_000;
    public static final int LOCATIONS = 30_000;

    /** What was written, to check the decoder against. */
    public record Written(Path file, long gzipBytes, long samples, long totalCount, long totalNanos) {}

    private LargeProfiles() {}

    public static Written write(Path file, long targetGzipBytes, long seed) throws IOException {
        Random rnd = new Random(seed);
        List<String> strings = new ArrayList<>(List.of("", "samples", "count", "cpu", "nanoseconds", "runtime.main"));
        long samples = 0, totalCount = 0, totalNanos = 0;
        try (Counting counted = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
             GZIPOutputStream gz = new FastGzip(counted)) {
            PbWriter w = new PbWriter(gz);
            w.bytes(1, PbWriter.message(v -> v.uint(1, 1).uint(2, 2)));
            w.bytes(1, PbWriter.message(v -> v.uint(1, 3).uint(2, 4)));
            // Leave room for the tail (locations, functions, strings: about 1 MB compressed).
            // Buffers reused across samples: building ~1M small messages is otherwise most of the time.
            ByteArrayOutputStream ids = new ByteArrayOutputStream(512);
            ByteArrayOutputStream sample = new ByteArrayOutputStream(512);
            PbWriter idw = new PbWriter(ids);
            PbWriter sw = new PbWriter(sample);
            while (counted.count < targetGzipBytes - (1 << 20)) {
                int depth = 10 + rnd.nextInt(31);
                ids.reset();
                for (int i = 0; i < depth; i++) idw.varint(2 + rnd.nextInt(LOCATIONS - 1));
                idw.varint(1); // runtime.main
                long n = 1 + rnd.nextInt(10);
                long ns = n * 10_000_000L;
                sample.reset();
                sw.bytes(1, ids.toByteArray());
                sw.repeated(2, new long[] {n, ns}, true);
                w.bytes(2, sample.toByteArray());
                samples++;
                totalCount += n;
                totalNanos += ns;
            }
            for (int id = 1; id <= LOCATIONS; id++) {
                int loc = id;
                int lines = id == 1 ? 1 : rnd.nextInt(10) == 0 ? 2 + rnd.nextInt(2) : 1;
                long[] fns = new long[lines];
                for (int l = 0; l < lines; l++) fns[l] = id == 1 ? 1 : 2 + rnd.nextInt(FUNCTIONS - 1);
                w.bytes(4, PbWriter.message(m -> {
                    m.uint(1, loc).uint(3, 0x400000L + loc * 8L);
                    for (long f : fns) m.bytes(4, PbWriter.message(x -> x.uint(1, f).uint(2, 100)));
                }));
            }
            for (int id = 1; id <= FUNCTIONS; id++) {
                int fid = id;
                int name = strings.size();
                if (id == 1) {
                    name = 5;
                } else {
                    strings.add("github.com/grafana/alloy/internal/component/pkg" + (id % 97) + ".(*Type" + (id % 13) + ").Method" + id);
                }
                int nameIdx = name;
                w.bytes(5, PbWriter.message(m -> m.uint(1, fid).uint(2, nameIdx).uint(3, nameIdx)));
            }
            for (String s : strings) w.string(6, s);
            w.uint(10, 60_000_000_000L);
            w.bytes(11, PbWriter.message(v -> v.uint(1, 3).uint(2, 4)));
            w.uint(12, 10_000_000L);
        }
        return new Written(file, Files.size(file), samples, totalCount, totalNanos);
    }

    /** Go's runtime/pprof compresses with gzip.BestSpeed; so do we. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
