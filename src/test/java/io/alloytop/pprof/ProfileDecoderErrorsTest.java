package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad input ends in one clear {@link PprofFormatException}: never another exception, a hang or a huge allocation. */
class ProfileDecoderErrorsTest {
    static PprofFormatException fails(byte[] gz) {
        return assertThrows(PprofFormatException.class, () -> ProfileDecoder.decode(ProfileSource.of(gz), true));
    }

    static void saysThat(byte[] gz, String fragment) {
        String m = fails(gz).getMessage();
        assertTrue(m.contains(fragment), m);
    }

    static TestProfile valid() {
        TestProfile p = new TestProfile().sampleType("samples", "count").sampleType("cpu", "nanoseconds");
        int f = p.function("main.work"), g = p.function("main.main");
        for (int i = 0; i < 50; i++) p.sample(new long[] {i + 1, (i + 1) * 10_000_000L}, p.location(f), p.location(g));
        return p;
    }

    @Test
    void inputThatIsNotGzipIsNamedForWhatItLooksLike() {
        saysThat(new byte[0], "empty");
        saysThat("<!doctype html><html>Grafana Alloy</html>".getBytes(StandardCharsets.UTF_8), "HTML");
        saysThat("go 1.19 trace\0\0\0".getBytes(StandardCharsets.UTF_8), "execution trace");
        saysThat(valid().raw(), "not gzip-compressed");
    }

    @Test
    void everyTruncationOfTheGzipStreamIsReported() throws Exception {
        byte[] gz = valid().gzip();
        ProfileDecoder.decode(ProfileSource.of(gz), false); // the whole file is fine
        for (int cut = 1; cut < gz.length; cut++) {
            byte[] part = Arrays.copyOf(gz, cut);
            PprofFormatException e = fails(part);
            assertTrue(e.getMessage().startsWith("truncated") || e.getMessage().startsWith("corrupt")
                    || e.getMessage().startsWith("not a profile"), cut + ": " + e.getMessage());
        }
    }

    @Test
    void everyTruncationOfTheProtobufIsReported() {
        byte[] raw = valid().raw();
        int reported = 0;
        for (int cut = 1; cut < raw.length; cut++) {
            byte[] gz = TestProfile.gzip(Arrays.copyOf(raw, cut));
            try {
                ProfileDecoder.decode(ProfileSource.of(gz), false);
            } catch (PprofFormatException e) {
                reported++;
            }
        }
        // A cut between two whole fields is a valid (smaller) profile; most cuts land inside a field.
        assertTrue(reported > raw.length / 2, reported + " of " + raw.length);
        saysThat(TestProfile.gzip(Arrays.copyOf(raw, raw.length - 3)), "truncated");
    }

    @Test
    void damagedDeflateDataIsReported() {
        byte[] gz = valid().gzip();
        byte[] bad = gz.clone();
        for (int i = 12; i < bad.length - 8; i++) bad[i] = (byte) 0xff;
        saysThat(bad, "corrupt");
    }

    @Test
    void structuralErrorsAreNamed() {
        // a length far beyond the data
        saysThat(TestProfile.gzip(PbWriter.message(w -> w.tag(2, 2).varint(1L << 40))), "claims");
        // a varint that never ends
        byte[] endless = new byte[20];
        Arrays.fill(endless, (byte) 0x80);
        endless[0] = 0x48; // time_nanos, a number
        saysThat(TestProfile.gzip(endless), "longer than 10 bytes");
        // a group (wire type 3) where pprof has none
        saysThat(TestProfile.gzip(PbWriter.message(w -> w.tag(1, 3))), "wire type 3");
        // field number 0
        saysThat(TestProfile.gzip(new byte[] {0x00}), "field number 0");
    }

    @Test
    void danglingReferencesAndMismatchedSamplesAreNamed() {
        TestProfile p = new TestProfile().sampleType("samples", "count");
        p.sample(new long[] {1}, 99);
        saysThat(p.gzip(), "missing location 99");

        TestProfile q = new TestProfile().sampleType("samples", "count").sampleType("cpu", "nanoseconds");
        q.sample(new long[] {1}, q.location(q.function("f")));
        saysThat(q.gzip(), "1 values but the profile declares 2");

        byte[] loc = PbWriter.message(w -> w.bytes(4, PbWriter.message(l -> l.uint(1, 1).bytes(4, PbWriter.message(x -> x.uint(1, 7))))));
        saysThat(TestProfile.gzip(loc), "missing function 7");

        byte[] str = PbWriter.message(w -> w.bytes(1, PbWriter.message(v -> v.uint(1, 5))).string(6, ""));
        saysThat(TestProfile.gzip(str), "string index 5");
    }
}
