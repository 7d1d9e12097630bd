package io.alloytop.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated bad input: seed files from the committed corpus, cut, spliced and salted with the
 * pieces parsers trip over (brackets, quotes, escapes, huge numbers, NUL, ESC, C1, lone surrogates),
 * plus plain random strings. Inputs stay under {@link #MAX_CHARS} so memory stays bounded.
 */
final class Mutations {
    static final int MAX_CHARS = 64 * 1024;
    static final Path CORPUS = Path.of("src/test/resources/resilience");

    private static final String[] PIECES = {
        "{", "}", "[", "]", "(", ")", "\"", "'", "`", "\\", ",", ":", "=", ";", "#", "//", "/*", "*/", "\n", "\r\n", "\t",
        "\u0000", "\u001b[2J", "\u001b]0;pwned\u0007", "\u009b31m", "\u202e", "\uFFFF", "\uD800", "\uDFFF",
        "null", "true", "1e999", "-0", "NaN", "99999999999999999999999", "\"\\u0000\"", "\\x", "\\u12", "|;|",
        "{\"name\":", "\"type\":\"block\",\"body\":[", "\"value\":{\"type\":\"object\",\"value\":[", "=\"", "ts=", "level=",
        "\"MESSAGE\":[", "255,", "#zz", "bold, reverse", "problems.", "30x", "[[[[[[[[", "]]]]]]]]",
    };

    record Mut(int kind, double where, int len, int piece) {}

    private Mutations() {}

    static List<String> seeds(String dir) {
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            return s.sorted().map(Mutations::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mutated seeds (three in four) or random text (one in four). */
    static Arbitrary<String> of(List<String> seeds) {
        Arbitrary<Mut> one = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 64),
                Arbitraries.integers().between(0, PIECES.length - 1)).as(Mut::new);
        Arbitrary<String> mutated = Combinators.combine(
                Arbitraries.integers().between(0, seeds.size() - 1),
                one.list().ofMinSize(1).ofMaxSize(8)).as((i, ms) -> apply(seeds.get(i), ms));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, mutated),
                net.jqwik.api.Tuple.of(1, random));
    }

    static String apply(String seed, List<Mut> ms) {
        StringBuilder b = new StringBuilder(seed);
        for (Mut m : ms) {
            int at = (int) (m.where() * b.length());
            int end = Math.min(b.length(), at + m.len());
            String piece = PIECES[m.piece()];
            switch (m.kind()) {
                case 0 -> b.insert(at, piece);
                case 1 -> b.delete(at, end);
                case 2 -> b.replace(at, end, piece);
                case 3 -> b.insert(end, b.substring(at, end).repeat(1 + m.len() % 4));
                case 4 -> b.setLength(at);
                default -> b.insert(at, piece.repeat(m.len()));
            }
            if (b.length() > MAX_CHARS) b.setLength(MAX_CHARS);
        }
        return b.toString();
    }
}
