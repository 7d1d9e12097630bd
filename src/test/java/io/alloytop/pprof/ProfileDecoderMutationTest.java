package io.alloytop.pprof;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to a real captured profile: decoding either works or throws
 * PprofFormatException; any other exception (index, overflow, out of memory) fails the property.
 */
class ProfileDecoderMutationTest {
    private static final byte[] RAW = raw();

    private static byte[] raw() {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                PprofFixtureTest.resource("prometheus-heap.pb.gz")))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Mutation(int kind, int at, int value, int length) {}

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, RAW.length - 1),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 64)).as(Mutation::new);
    }

    static byte[] apply(byte[] in, Mutation original) {
        byte[] b = in.clone();
        if (b.length == 0) return b;
        Mutation m = new Mutation(original.kind(), original.at() % b.length, original.value(), original.length());
        switch (m.kind()) {
            case 0 -> b[m.at()] = (byte) m.value();                       // overwrite a byte
            case 1 -> b[m.at()] ^= (byte) (1 << (m.value() & 7));         // flip a bit
            case 2 -> b = Arrays.copyOf(b, m.at());                        // truncate
            case 3 -> {                                                    // delete a run
                int end = Math.min(b.length, m.at() + m.length());
                byte[] c = new byte[b.length - (end - m.at())];
                System.arraycopy(b, 0, c, 0, m.at());
                System.arraycopy(b, end, c, m.at(), b.length - end);
                b = c;
            }
            default -> {                                                   // insert a run of one value
                byte[] c = new byte[b.length + m.length()];
                System.arraycopy(b, 0, c, 0, m.at());
                Arrays.fill(c, m.at(), m.at() + m.length(), (byte) m.value());
                System.arraycopy(b, m.at(), c, m.at() + m.length(), b.length - m.at());
                b = c;
            }
        }
        return b;
    }

    @Property(tries = 400)
    void damagedProtobufNeverCrashesTheDecoder(@ForAll("mutations") Mutation m1, @ForAll("mutations") Mutation m2) {
        byte[] damaged = apply(apply(RAW, m1), m2);
        decodeOrFormatError(TestProfile.gzip(damaged));
    }

    @Property(tries = 200)
    void damagedGzipNeverCrashesTheDecoder(@ForAll("mutations") Mutation m) {
        byte[] gz = TestProfile.gzip(RAW);
        decodeOrFormatError(apply(gz, m));
    }

    private static void decodeOrFormatError(byte[] gz) {
        try {
            ProfileData d = ProfileDecoder.decode(ProfileSource.of(gz), true);
            if (!d.sampleTypes().isEmpty()) d.summary(d.sampleIndex(null)).top(20);
        } catch (PprofFormatException expected) {
            // the one allowed failure
        }
    }
}
