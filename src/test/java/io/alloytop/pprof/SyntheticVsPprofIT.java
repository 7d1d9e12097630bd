package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.alloytop.testing.RealPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random profiles built to stress the rules real captures rarely hit (deep recursion, inlining,
 * many exact ties, nameless frames, zero values, a default_sample_type, drop_frames and keep_frames), each compared row for
 * row with `go tool pprof -top` for every sample type and both orders.
 */
class SyntheticVsPprofIT {
    @Test
    void randomProfilesMatchGoToolPprof(@TempDir Path dir) throws Exception {
        Path go = RealPrograms.require("go");
        for (int seed = 1; seed <= 12; seed++) {
            Path file = dir.resolve("synthetic-" + seed + ".pb.gz");
            TestProfile p = random(new Random(seed));
            if (seed % 3 == 0) p.dropFrames("pkg1\\..*", seed % 2 == 0 ? "pkg1\\.F[a-m].*" : null);
            Files.write(file, p.gzip());
            ProfileData d = ProfileDecoder.decode(ProfileSource.of(file), false);
            for (String index : List.of("", "0")) {
                for (ProfileSummary.SortKey sort : ProfileSummary.SortKey.values()) {
                    ProfileSummary s = d.summary(d.sampleIndex(index)).sortedBy(sort);
                    String text = PprofTopOutput.run(PprofTopOutput.command(go, file, index.isEmpty() ? null : index,
                            s.selectedType().unit(), sort == ProfileSummary.SortKey.CUM));
                    List<PprofTopOutput.Line> want = PprofTopOutput.parse(text);
                    List<PprofTopOutput.Line> got = s.rows().stream()
                            .map(r -> new PprofTopOutput.Line(r.name(), r.flat(), r.cum(), r.inline())).toList();
                    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                        assertEquals(want.get(i), got.get(i), "row " + i + ", seed " + seed + ", index '" + index + "', " + sort);
                    }
                    assertEquals(want.size(), got.size(), "rows, seed " + seed + ", index '" + index + "', " + sort);
                    assertEquals(PprofTopOutput.total(text), s.total());
                }
            }
        }
    }

    static TestProfile random(Random rnd) {
        TestProfile p = new TestProfile().sampleType("samples", "count").sampleType("cpu", "nanoseconds")
                .sampleType("alloc_space", "bytes");
        if (rnd.nextBoolean()) p.defaultSampleType("cpu");
        p.packed = rnd.nextBoolean();
        int m = p.mapping("/usr/bin/alloy");
        int nf = 12 + rnd.nextInt(10);
        int[] fns = new int[nf];
        for (int i = 0; i < nf; i++) {
            // few distinct lengths and values, so ties on flat and cum are common
            fns[i] = p.function(i == nf - 1 ? "" : "pkg" + (i % 3) + ".F" + (char) ('a' + rnd.nextInt(26)) + i);
        }
        int nl = 30;
        int[] locs = new int[nl];
        for (int i = 0; i < nl; i++) {
            int lines = rnd.nextInt(5) == 0 ? 2 + rnd.nextInt(2) : 1;
            int[] lf = new int[lines];
            for (int l = 0; l < lines; l++) lf[l] = fns[rnd.nextInt(nf)];
            locs[i] = rnd.nextInt(10) == 0 ? p.locationIn(m) : p.locationIn(m, lf);
        }
        for (int s = 0; s < 200; s++) {
            int depth = 1 + rnd.nextInt(12);
            int[] stack = new int[depth];
            for (int i = 0; i < depth; i++) stack[i] = locs[rnd.nextInt(nl)]; // repeats make recursion
            long count = rnd.nextInt(4);
            long[] values = {count, count * 10_000_000L, rnd.nextInt(3) == 0 ? 0 : 512L * (1 + rnd.nextInt(4))};
            p.sample(values, stack);
        }
        return p;
    }
}
