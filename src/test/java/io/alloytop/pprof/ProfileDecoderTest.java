package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The aggregation rules of `go tool pprof -top`, on profiles built to exercise each one. */
class ProfileDecoderTest {
    static ProfileData decode(TestProfile p, boolean stacks) throws PprofFormatException {
        return ProfileDecoder.decode(ProfileSource.of(p.gzip()), stacks);
    }

    static Map<String, ProfileSummary.Row> rows(ProfileSummary s) {
        return s.rows().stream().collect(Collectors.toMap(ProfileSummary.Row::name, Function.identity()));
    }

    @Test
    void recursionCountsOncePerSampleInCumButFlatGoesToTheLeaf() throws Exception {
        TestProfile p = new TestProfile().sampleType("cpu", "nanoseconds");
        int a = p.function("a"), b = p.function("b"), c = p.function("c");
        int la = p.location(a), lb = p.location(b), la2 = p.location(a), lc = p.location(c);
        // root a -> b -> a -> c (leaf first in the sample)
        p.sample(new long[] {10}, lc, la2, lb, la);
        p.sample(new long[] {5}, la2, lb, la); // a is also the leaf here
        Map<String, ProfileSummary.Row> r = rows(decode(p, false).summary(0));
        assertEquals(15, r.get("a").cum());
        assertEquals(5, r.get("a").flat());
        assertEquals(15, r.get("b").cum());
        assertEquals(10, r.get("c").flat());
        assertEquals(15, decode(p, false).summary(0).total());
    }

    @Test
    void inlinedFramesAreFunctionsOfTheirOwnAndLabelled() throws Exception {
        TestProfile p = new TestProfile().sampleType("cpu", "nanoseconds");
        int inl = p.function("pkg.small"), outer = p.function("pkg.outer"), main = p.function("main.main"),
                other = p.function("pkg.other");
        int l1 = p.location(inl, outer); // small was inlined into outer
        int l2 = p.location(main);
        int l3 = p.location(other);
        int l4 = p.location(inl); // small called for real from other
        p.sample(new long[] {7}, l1, l2);
        Map<String, ProfileSummary.Row> r = rows(decode(p, false).summary(0));
        assertEquals(7, r.get("pkg.small").flat());
        assertEquals(0, r.get("pkg.outer").flat());
        assertEquals(7, r.get("pkg.outer").cum());
        assertEquals("inline", r.get("pkg.small").inline());
        assertEquals("", r.get("pkg.outer").inline());
        assertEquals("", r.get("main.main").inline());

        p.sample(new long[] {3}, l4, l3, l2);
        r = rows(decode(p, false).summary(0));
        assertEquals("partial-inline", r.get("pkg.small").inline());
        assertEquals(10, r.get("pkg.small").flat());
    }

    @Test
    void aCallEdgeThatIsAlsoAnOrdinaryCallIsNotInline() throws Exception {
        TestProfile p = new TestProfile().sampleType("cpu", "nanoseconds");
        int small = p.function("pkg.small"), outer = p.function("pkg.outer");
        int inlined = p.location(small, outer);
        int called = p.location(small);
        int outerAlone = p.location(outer);
        p.sample(new long[] {7}, inlined);
        assertEquals("inline", rows(decode(p, false).summary(0)).get("pkg.small").inline());
        // pprof keeps one edge per caller/callee pair, inline only if every occurrence was
        p.sample(new long[] {1}, called, outerAlone);
        assertEquals("", rows(decode(p, false).summary(0)).get("pkg.small").inline());
    }

    @Test
    void tiesAreBrokenByNameInGoByteOrderThenByCum() throws Exception {
        TestProfile p = new TestProfile().sampleType("samples", "count");
        String emoji = "pkg.\uD83D\uDE00"; // U+1F600: after U+FF5E in Go, before it in Java's compareTo
        String wide = "pkg.\uFF5E";
        int e = p.function(emoji), w = p.function(wide), b = p.function("pkg.b"), a = p.function("pkg.a"),
                root = p.function("main");
        int lr = p.location(root);
        p.sample(new long[] {4}, p.location(e), lr);
        p.sample(new long[] {4}, p.location(w), lr);
        p.sample(new long[] {4}, p.location(b), lr);
        p.sample(new long[] {4}, p.location(a), lr);
        List<String> flatOrder = decode(p, false).summary(0).rows().stream().map(ProfileSummary.Row::name).toList();
        assertEquals(List.of("pkg.a", "pkg.b", wide, emoji, "main"), flatOrder);
        List<String> cumOrder = decode(p, false).summary(0).sortedBy(ProfileSummary.SortKey.CUM).rows().stream()
                .map(ProfileSummary.Row::name).toList();
        assertEquals(List.of("main", "pkg.a", "pkg.b", wide, emoji), cumOrder);
    }

    @Test
    void sampleIndexDefaultsLikePprof() throws Exception {
        TestProfile heap = new TestProfile().sampleType("alloc_objects", "count").sampleType("alloc_space", "bytes")
                .sampleType("inuse_objects", "count").sampleType("inuse_space", "bytes");
        heap.sample(new long[] {1, 2, 3, 4}, heap.location(heap.function("f")));
        ProfileData d = decode(heap, false);
        assertEquals(3, d.sampleIndex(null));
        assertEquals("heap", d.kind());
        heap.defaultSampleType("alloc_space");
        d = decode(heap, false);
        assertEquals(1, d.sampleIndex(""));
        assertEquals("allocs", d.kind());
        assertEquals(2, d.sampleIndex("2"));
        assertEquals(0, d.sampleIndex("alloc_objects"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> decode(heap, false).sampleIndex("4"));
        assertTrue(e.getMessage().contains("[0..3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> decode(heap, false).sampleIndex("objects"));
        assertTrue(e.getMessage().contains("inuse_space"), e.getMessage());

        // pprof accepts inuse_X for a legacy profile whose type is just X
        TestProfile legacy = new TestProfile().sampleType("objects", "count").sampleType("space", "bytes");
        legacy.sample(new long[] {1, 2}, legacy.location(legacy.function("f")));
        assertEquals(1, decode(legacy, false).sampleIndex("inuse_space"));
    }

    @Test
    void zeroValuesAreSkippedPerSampleType() throws Exception {
        TestProfile p = new TestProfile().sampleType("a", "count").sampleType("b", "count");
        int f = p.function("only.in.b"), g = p.function("in.both");
        p.sample(new long[] {0, 5}, p.location(f));
        p.sample(new long[] {2, 1}, p.location(g));
        ProfileData d = decode(p, false);
        assertEquals(List.of("in.both"), d.summary(0).rows().stream().map(ProfileSummary.Row::name).toList());
        assertEquals(List.of("only.in.b", "in.both"), d.summary(1).rows().stream().map(ProfileSummary.Row::name).toList());
        assertEquals(2, d.sampleCount());
    }

    @Test
    void framesWithoutNamesAreNamedByTheirBinary() throws Exception {
        TestProfile p = new TestProfile().sampleType("samples", "count");
        int m = p.mapping("/usr/lib/libc.so.6");
        int nameless = p.function("");
        p.sample(new long[] {3}, p.locationIn(m, nameless), p.location(p.function("main")));
        p.sample(new long[] {1}, p.locationIn(m), p.locationIn(0));
        // pprof keys a nameless function by binary and start line, so the two libc frames stay
        // apart (start line 10 versus none) although both print as [libc.so.6]
        List<ProfileSummary.Row> r = decode(p, false).summary(0).rows();
        assertEquals(List.of("[libc.so.6]", "[libc.so.6]", "<unknown>", "main"), r.stream().map(ProfileSummary.Row::name).toList());
        assertEquals(List.of(3L, 1L, 0L, 0L), r.stream().map(ProfileSummary.Row::flat).toList());
        assertEquals(List.of(3L, 1L, 1L, 3L), r.stream().map(ProfileSummary.Row::cum).toList());
    }

    @Test
    void packedAndUnpackedEncodingsDecodeAlike() throws Exception {
        for (boolean packed : new boolean[] {true, false}) {
            TestProfile p = new TestProfile().sampleType("samples", "count").sampleType("cpu", "nanoseconds");
            p.packed = packed;
            int f = p.function("f"), g = p.function("g");
            p.sample(new long[] {1, 10_000_000}, p.location(f), p.location(g));
            p.sample(new long[] {300, 3_000_000_000L}, p.location(g));
            ProfileSummary s = decode(p, false).summary(1);
            assertEquals(3_010_000_000L, s.total());
            assertEquals(3_010_000_000L, rows(s).get("g").cum());
            assertEquals(10_000_000, rows(s).get("f").flat());
        }
    }

    @Test
    void negativeValuesSortByMagnitudeAndTotalIsTheSumOfMagnitudes() throws Exception {
        TestProfile p = new TestProfile().sampleType("inuse_space", "bytes");
        p.sample(new long[] {-100}, p.location(p.function("shrunk")));
        p.sample(new long[] {40}, p.location(p.function("grew")));
        ProfileSummary s = decode(p, false).summary(0);
        assertEquals(140, s.total());
        assertEquals(List.of("shrunk", "grew"), s.rows().stream().map(ProfileSummary.Row::name).toList());
    }

    @Test
    void stacksAreGroupedByFunctionsWithTheirSummedValue() throws Exception {
        TestProfile p = new TestProfile().sampleType("goroutine", "count");
        int park = p.function("runtime.gopark"), sel = p.function("runtime.selectgo"), w = p.function("worker");
        int lp = p.location(park), ls = p.location(sel), lw = p.location(w);
        // Go splits identical stacks by pprof labels; grouping merges them again
        p.sample(new long[] {3}, lp, ls, lw);
        p.sample(new long[] {2}, lp, ls, lw);
        p.sample(new long[] {1}, lp, lw);
        ProfileData d = decode(p, true);
        List<StackGroup> g = d.stacks(0);
        assertEquals(2, g.size());
        assertEquals(new StackGroup(List.of("runtime.gopark", "runtime.selectgo", "worker"), 5), g.get(0));
        assertEquals(new StackGroup(List.of("runtime.gopark", "worker"), 1), g.get(1));
        assertEquals(6, d.summary(0).total());
    }

    @Test
    void dropFramesCutsStacksLikePprof() throws Exception {
        TestProfile p = new TestProfile().sampleType("samples", "count").dropFrames("runtime\\..*", "runtime\\.keep");
        int main = p.function("main.main"), malloc = p.function("runtime.mallocgc"), memclr = p.function("runtime.memclr"),
                keep = p.function("runtime.keep"), work = p.function("main.work");
        int lMain = p.location(main), lMalloc = p.location(malloc), lMemclr = p.location(memclr), lKeep = p.location(keep);
        int lInlined = p.location(memclr, work); // runtime.memclr inlined into main.work
        p.sample(new long[] {5}, lMemclr, lMalloc, lMain);  // main -> mallocgc -> memclr: cut below main
        p.sample(new long[] {3}, lKeep, lMain);             // kept by keep_frames
        p.sample(new long[] {2}, lMalloc);                  // no user frame above: nothing is cut
        p.sample(new long[] {7}, lInlined, lMain);          // the inlined runtime frame goes, main.work stays the leaf
        Map<String, ProfileSummary.Row> r = rows(decode(p, false).summary(0));
        assertEquals(5 + 7, r.get("main.main").flat() + r.get("main.work").flat());
        assertEquals(5, r.get("main.main").flat());
        assertEquals(7, r.get("main.work").flat());
        assertEquals(3, r.get("runtime.keep").flat());
        assertEquals(2, r.get("runtime.mallocgc").flat());
        assertEquals(null, r.get("runtime.memclr"));
        assertEquals(17, decode(p, false).summary(0).total());
        assertEquals("runtime\\..*", decode(p, false).dropFrames());
    }

    @Test
    void pprofsFunctionNameSimplification() {
        assertEquals("ns::f", FramePruning.simplify("ns::f(int, char)"));
        assertEquals("(anonymous namespace)::g", FramePruning.simplify("(anonymous namespace)::g(int)"));
        assertEquals("A::operator()", FramePruning.simplify(".A::operator()(int)"));
        // pprof cuts Go method names at their first '(' too, so drop_frames sees "main."
        assertEquals("main.", FramePruning.simplify("main.(*T).m"));
    }

    @Test
    void headerFieldsAreRead() throws Exception {
        TestProfile p = new TestProfile().sampleType("samples", "count").sampleType("cpu", "nanoseconds")
                .duration(3_030_000_000L).time(1_790_000_000_000_000_000L);
        p.sample(new long[] {1, 10}, p.location(p.function("f")));
        ProfileData d = decode(p, false);
        assertEquals(3_030_000_000L, d.durationNanos());
        assertEquals(1_790_000_000_000_000_000L, d.timeNanos());
        assertEquals(new ValueType("cpu", "nanoseconds"), d.periodType());
        assertEquals(10_000_000, d.period());
        assertEquals("cpu", d.kind());
        assertEquals(List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")), d.sampleTypes());
    }
}
