package io.alloytop.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Mutated corpus files and random bytes never make the parser throw or hang: every outcome is a
 * list of diagnostics pointing inside the file.
 */
class MutationPropertiesTest {
    private static final List<byte[]> CORPUS = load();

    private static List<byte[]> load() {
        try (Stream<Path> s = Files.list(CorpusTest.ROOT.resolve("valid"))) {
            return s.sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(b -> b.length > 0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int file, int kind, double where, int length, byte value) {}

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, CORPUS.size() - 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 40),
                Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '(', (byte) ')', (byte) '"',
                        (byte) '`', (byte) '\n', (byte) ',', (byte) '=', (byte) '/', (byte) '*', (byte) '\\',
                        (byte) '|', (byte) '&', (byte) '\'', (byte) 0, (byte) 0xEF, (byte) 0xFF, (byte) 0xC3,
                        (byte) '.', (byte) 'e', (byte) '1'))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    static byte[] apply(List<Mutation> ms) {
        byte[] b = CORPUS.get(ms.get(0).file()).clone();
        for (Mutation m : ms) {
            int at = (int) (m.where() * b.length);
            at = Math.min(at, b.length);
            int len = Math.min(m.length(), b.length - at);
            switch (m.kind()) {
                case 0 -> { // delete a range
                    byte[] n = new byte[b.length - len];
                    System.arraycopy(b, 0, n, 0, at);
                    System.arraycopy(b, at + len, n, at, b.length - at - len);
                    b = n;
                }
                case 1 -> { // insert a byte
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, at);
                    n[at] = m.value();
                    System.arraycopy(b, at, n, at + 1, b.length - at);
                    b = n;
                }
                case 2 -> { // overwrite a byte
                    if (at < b.length) b[at] = m.value();
                }
                case 3 -> { // duplicate a range
                    byte[] n = new byte[b.length + len];
                    System.arraycopy(b, 0, n, 0, at + len);
                    System.arraycopy(b, at, n, at + len, b.length - at);
                    b = n;
                }
                default -> { // truncate
                    b = java.util.Arrays.copyOf(b, at);
                }
            }
        }
        return b;
    }

    @Property(tries = 600)
    void mutatedConfigsNeverThrowOrHang(@ForAll("mutations") List<Mutation> ms) {
        byte[] src = apply(ms);
        AlloyFile f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Parser.parse("m.alloy", src));
        for (Diagnostic d : f.diagnostics()) {
            assertTrue(d.pos().offset() >= 0 && d.pos().offset() <= src.length, d.toString());
            assertTrue(d.pos().line() >= 1 && d.pos().column() >= 1, d.toString());
        }
        TopLevelRules.check(List.of(f));
    }

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll byte[] src) {
        AlloyFile f = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Parser.parse("r.alloy", src));
        for (Diagnostic d : f.diagnostics()) {
            assertTrue(d.pos().offset() >= 0 && d.pos().offset() <= src.length, d.toString());
        }
    }

    @Property(tries = 50)
    void deepNestingIsADiagnosticNotAStackOverflow(@ForAll("depths") int depth) {
        String src = "x \"y\" {\n  a = " + "[".repeat(depth) + "]".repeat(depth) + "\n}\n";
        AlloyFile f = Parser.parse("d.alloy", src);
        // The block around the list is one level, so a list nested MAX_DEPTH deep is one too many.
        assertEquals(depth < Parser.MAX_DEPTH, f.ok(), depth + " " + f.diagnostics());
    }

    @Example
    void theDepthLimitIsExact() {
        deepNestingIsADiagnosticNotAStackOverflow(Parser.MAX_DEPTH - 1);
        deepNestingIsADiagnosticNotAStackOverflow(Parser.MAX_DEPTH);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1, 20_000);
    }
}
