package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Profiles captured from Debian's prometheus, checked row for row against the output of
 * `go tool pprof -top` on the same files (regenerate-golden.sh wrote those outputs).
 */
class PprofFixtureTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = PprofFixtureTest.class.getResourceAsStream("/pprof/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "prometheus-cpu.pb.gz, '', cpu, prometheus-cpu.top.txt, FLAT",
        "prometheus-cpu.pb.gz, '', cpu, prometheus-cpu.cum.top.txt, CUM",
        "prometheus-cpu.pb.gz, samples, samples, prometheus-cpu.samples.top.txt, FLAT",
        "prometheus-heap.pb.gz, '', inuse_space, prometheus-heap.inuse_space.top.txt, FLAT",
        "prometheus-heap.pb.gz, alloc_space, alloc_space, prometheus-heap.alloc_space.top.txt, FLAT",
        "prometheus-heap.pb.gz, inuse_objects, inuse_objects, prometheus-heap.inuse_objects.top.txt, FLAT",
        "prometheus-heap.pb.gz, 0, alloc_objects, prometheus-heap.alloc_objects.top.txt, FLAT",
        "prometheus-goroutine.pb.gz, '', goroutine, prometheus-goroutine.top.txt, FLAT",
    })
    void everyRowMatchesGoToolPprof(String file, String sampleIndex, String expectedType, String golden,
                                    ProfileSummary.SortKey sort) throws Exception {
        ProfileData data = ProfileDecoder.decode(ProfileSource.of(resource(file)), false);
        ProfileSummary s = data.summary(data.sampleIndex(sampleIndex)).sortedBy(sort);
        assertEquals(expectedType, s.selectedType().type());

        String text = new String(resource(golden), StandardCharsets.UTF_8);
        List<PprofTopOutput.Line> want = PprofTopOutput.parse(text);
        assertTrue(want.size() > 10, "golden output has rows");
        assertEquals(PprofTopOutput.total(text), s.total(), "total");
        assertEquals(want.size(), s.rows().size(), "number of functions");
        for (int i = 0; i < want.size(); i++) {
            PprofTopOutput.Line w = want.get(i);
            ProfileSummary.Row r = s.rows().get(i);
            assertEquals(w, new PprofTopOutput.Line(r.name(), r.flat(), r.cum(), r.inline()), "row " + i);
        }
    }
}
