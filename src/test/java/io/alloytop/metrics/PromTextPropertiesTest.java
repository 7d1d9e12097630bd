package io.alloytop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Random valid expositions round-trip; random byte mutations only ever produce PromParseException. */
class PromTextPropertiesTest {
    // Family names have no '_' so none ends in a suffix (_sum, _bucket, ...) that would regroup it.
    private static Arbitrary<String> familyNames() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3)
                .flatMap(head -> Arbitraries.strings().withCharRange('a', 'z').numeric().withChars(':')
                        .ofMaxLength(12).map(tail -> head + tail));
    }

    private static Arbitrary<String> labelNames() {
        Arbitrary<String> random = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars('_')
                .ofMinLength(1).ofMaxLength(1)
                .flatMap(h -> Arbitraries.strings().alpha().numeric().withChars('_').ofMaxLength(10).map(t -> h + t))
                .filter(n -> !n.equals("__name__") && !n.equals("le") && !n.equals("quantile"));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("component_id", "component_path", "job", "a", "b", "url")),
                Tuple.of(1, random));
    }

    /** Any Unicode text (no lone surrogates, which UTF-8 cannot carry), biased to short shared prefixes. */
    private static Arbitrary<String> text() {
        Arbitrary<String> any = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
                .ofMaxLength(30);
        Arbitrary<String> tricky = Arbitraries.strings().withChars('\\', '"', '\n', '\r', '\t', ' ', '{', '}', ',', '=', 'a', 'é', '\u0000')
                .ofMaxLength(12);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", "a", "ab", "abc", "prometheus.scrape.default", "/", "x\"y", "p\\q", "/self_monitor.main")),
                Tuple.of(2, any),
                Tuple.of(2, tricky),
                Tuple.of(1, any.map(s -> s + "🚀" + s)));
    }

    private static Arbitrary<String> help() {
        return text().filter(h -> h.isEmpty() || (h.charAt(0) != ' ' && h.charAt(0) != '\t' && !h.endsWith("\r")));
    }

    private static Arbitrary<Double> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles()),
                Tuple.of(2, Arbitraries.longs().between(-1_000_000, 1_000_000_000_000L).map(Long::doubleValue)),
                Tuple.of(2, Arbitraries.doubles().between(0, 1).ofScale(9)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, 1.7637988124962106e9, 0.1, 123456789012345678.0)),
                Tuple.of(1, Arbitraries.longs().map(Double::longBitsToDouble)));
    }

    private static Arbitrary<Long> timestamps() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(Sample.NO_TIMESTAMP)),
                Tuple.of(1, Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE)));
    }

    private static Arbitrary<Labels> labelSets() {
        return Combinators.combine(labelNames(), text()).as(Tuple::of).list().ofMaxSize(6)
                .uniqueElements(Tuple.Tuple2::get1)
                .map(pairs -> {
                    String[] a = new String[pairs.size() * 2];
                    for (int i = 0; i < pairs.size(); i++) {
                        a[2 * i] = pairs.get(i).get1();
                        a[2 * i + 1] = pairs.get(i).get2();
                    }
                    return Labels.ofPairs(a);
                });
    }

    private static Arbitrary<Sample> samples(String name) {
        return Combinators.combine(labelSets(), values(), timestamps()).as((l, v, t) -> new Sample(name, l, v, t));
    }

    private static Labels with(Labels l, String name, String value) {
        String[] a = new String[l.size() * 2 + 2];
        for (int i = 0; i < l.size(); i++) {
            a[2 * i] = l.name(i);
            a[2 * i + 1] = l.value(i);
        }
        a[a.length - 2] = name;
        a[a.length - 1] = value;
        return Labels.ofPairs(a);
    }

    /** Histogram/summary series as a client library writes them: buckets or quantiles, then _sum, _count. */
    private static Arbitrary<List<Sample>> series(String name, MetricType type) {
        if (type != MetricType.HISTOGRAM && type != MetricType.SUMMARY) return samples(name).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<Sample>> one = Combinators.combine(labelSets(), values().list().ofMinSize(1).ofMaxSize(5), values(), values())
                .as((l, points, sum, count) -> {
                    List<Sample> out = new ArrayList<>();
                    String[] bounds = {"0.005", "0.1", "1", "10", "+Inf"};
                    String[] quantiles = {"0", "0.5", "0.9", "0.99", "1"};
                    for (int i = 0; i < points.size(); i++) {
                        if (type == MetricType.HISTOGRAM) {
                            out.add(new Sample(name + "_bucket", with(l, "le", bounds[i]), points.get(i), Sample.NO_TIMESTAMP));
                        } else {
                            out.add(new Sample(name, with(l, "quantile", quantiles[i]), points.get(i), Sample.NO_TIMESTAMP));
                        }
                    }
                    out.add(new Sample(name + "_sum", l, sum, Sample.NO_TIMESTAMP));
                    out.add(new Sample(name + "_count", l, count, Sample.NO_TIMESTAMP));
                    return out;
                });
        return one.list().ofMinSize(1).ofMaxSize(3).map(l -> l.stream().flatMap(List::stream).toList());
    }

    @Provide
    Arbitrary<List<MetricFamily>> expositions() {
        Arbitrary<MetricFamily> family = Combinators.combine(familyNames(), Arbitraries.of(MetricType.class), help())
                .flatAs((name, type, help) -> series(name, type).map(s -> new MetricFamily(name, type, help, s)));
        return family.list().ofMaxSize(8).uniqueElements(MetricFamily::name);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void validExpositionsRoundTrip(@ForAll("expositions") List<MetricFamily> families,
                                   @ForAll boolean crlf, @ForAll boolean loose) throws PromParseException {
        String text = PromText.format(families, crlf, loose);
        MetricsSnapshot parsed = PromTextParser.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(families, parsed.families(), text);
        for (MetricFamily f : families) {
            for (Sample s : f.samples()) assertTrue(parsed.samples(s.name()).contains(s));
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedExpositions() {
        Arbitrary<byte[]> valid = expositions().map(f -> PromText.format(f).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> fixture = Arbitraries.of("prometheus-2.42.0.txt", "node-exporter-1.5.0.txt", "alloy-like.txt")
                .map(n -> {
                    try {
                        byte[] all = PromTextFixturesTest.fixture(n);
                        return Arrays.copyOf(all, Math.min(all.length, 6000));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        Arbitrary<byte[]> base = Arbitraries.frequencyOf(Tuple.of(1, valid), Tuple.of(1, fixture));
        Arbitrary<int[]> mutation = Arbitraries.integers().between(0, 4).flatMap(kind ->
                Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(0, 255))
                        .as((where, b) -> new int[] {kind, where, b}));
        return Combinators.combine(base, mutation.list().ofMinSize(1).ofMaxSize(6)).as((bytes, ms) -> {
            byte[] b = bytes;
            for (int[] m : ms) b = mutate(b, m[0], m[1], m[2]);
            return b;
        });
    }

    private static final byte[] INTERESTING = {'"', '\\', '\n', '\r', '{', '}', ',', '=', ' ', '#', 0, (byte) 0xFF, (byte) 0xC3, 'e', '.'};

    static byte[] mutate(byte[] b, int kind, int where, int value) {
        if (b.length == 0) return new byte[] {(byte) value};
        int at = where % b.length;
        byte v = value < 128 ? INTERESTING[value % INTERESTING.length] : (byte) value;
        switch (kind) {
            case 0: { // replace
                byte[] c = b.clone();
                c[at] = v;
                return c;
            }
            case 1: { // insert
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = v;
                System.arraycopy(b, at, c, at + 1, b.length - at);
                return c;
            }
            case 2: { // delete
                byte[] c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                return c;
            }
            case 3: // truncate
                return Arrays.copyOf(b, at);
            default: { // duplicate a stretch (repeats lines and prefixes)
                int len = Math.min(b.length - at, 1 + value);
                byte[] c = new byte[b.length + len];
                System.arraycopy(b, 0, c, 0, at + len);
                System.arraycopy(b, at, c, at + len, b.length - at);
                return c;
            }
        }
    }

    /**
     * Whatever a whole body parses to, its samples are exactly those of its sample lines parsed one
     * by one: reusing the previous line's name and labels never changes a result.
     */
    static void sameAsLineByLine(byte[] body, MetricsSnapshot whole) throws PromParseException {
        Map<Sample, Integer> expected = new HashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '\n') continue;
            byte[] line = Arrays.copyOfRange(body, start, i);
            start = i + 1;
            String trimmed = new String(line, StandardCharsets.ISO_8859_1).strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            for (MetricFamily f : PromTextParser.parse(line).families()) {
                for (Sample s : f.samples()) expected.merge(s, 1, Integer::sum);
            }
        }
        Map<Sample, Integer> actual = new HashMap<>();
        for (MetricFamily f : whole.families()) {
            for (Sample s : f.samples()) actual.merge(s, 1, Integer::sum);
        }
        assertEquals(expected, actual);
    }

    @Property(tries = 800, edgeCases = EdgeCasesMode.NONE)
    void mutationsOnlyEverFailWithAPositionInsideTheInput(@ForAll("mutatedExpositions") byte[] body) throws PromParseException {
        MetricsSnapshot whole;
        try {
            whole = PromTextParser.parse(body);
        } catch (PromParseException e) {
            List<Integer> lineLengths = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= body.length; i++) {
                if (i == body.length || body[i] == '\n') {
                    lineLengths.add(i - start);
                    start = i + 1;
                }
            }
            assertTrue(e.line() >= 1 && e.line() <= lineLengths.size(), e.getMessage());
            assertTrue(e.column() >= 1 && e.column() <= lineLengths.get(e.line() - 1) + 1, e.getMessage());
            assertTrue(e.getMessage().startsWith("line " + e.line() + ", column " + e.column() + ": "));
            return;
        }
        sameAsLineByLine(body, whole);
    }
}
