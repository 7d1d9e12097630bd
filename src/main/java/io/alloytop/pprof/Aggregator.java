package io.alloytop.pprof;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-function flat and cumulative sums for every sample type at once, following pprof's graph
 * construction: a sample's value goes once into the cum of each distinct function on its stack
 * (recursion does not double count), and into the flat of the innermost frame of its leaf location;
 * each inlined frame of a location is a function of its own.
 *
 * <p>pprof labels a function "(inline)" when every caller edge into it is inline, and an edge is
 * inline only if it never also occurred as an ordinary call; so besides per-function flags, the
 * pairs that can be inline at all (few: see {@link FunctionGraph#inlineEdge}) are tracked.
 */
final class Aggregator {
    static final int INLINE_IN = 1;
    static final int CALL_IN = 2;
    /** Beyond this many distinct stacks, grouping stops adding new ones (and says so). */
    static final int MAX_STACKS = 50_000;

    private final FunctionGraph graph;
    private final int types;
    private final long[] flat;
    private final long[] cum;
    private final byte[] inEdges;
    /** Per inline-capable pair and type: bit 0 seen inlined, bit 1 seen as an ordinary call. */
    private final byte[] pairSeen;
    private final int[] seen;
    private final long[] totals;
    private final long[] values;
    private int stamp;
    private long samples;
    private final Map<StackKey, long[]> stacks;
    private boolean stacksTruncated;
    private final IntStack path = new IntStack();

    Aggregator(FunctionGraph graph, int types, boolean keepStacks) {
        this.graph = graph;
        this.types = types;
        int n = graph.names.length;
        this.flat = new long[n * types];
        this.cum = new long[n * types];
        this.inEdges = new byte[n * types];
        this.pairSeen = new byte[graph.pairCallee.length * types];
        this.seen = new int[n];
        this.totals = new long[types];
        this.values = new long[types];
        this.stacks = keepStacks ? new HashMap<>() : null;
    }

    void add(LongList locationIds, LongList sampleValues) throws PprofFormatException {
        if (sampleValues.size() != types) {
            throw new PprofFormatException("corrupt profile: a sample has " + sampleValues.size()
                    + " values but the profile declares " + types + " sample types");
        }
        samples++;
        boolean any = false;
        for (int k = 0; k < types; k++) {
            long v = sampleValues.get(k);
            values[k] = v;
            totals[k] += Math.abs(v);
            any |= v != 0;
        }
        // pprof skips a sample whose selected value is zero; with every type at once, only the
        // all-zero sample can be skipped wholesale, the rest is handled by adding zeros.
        if (!any) return;
        if (++stamp == 0) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        path.clear();
        int parent = -1;
        int leaf = graph.prune == null ? 0 : prunedLeaf(locationIds);
        for (int i = locationIds.size() - 1; i >= leaf; i--) {
            long id = locationIds.get(i);
            int loc = graph.location(id);
            if (loc < 0) throw new PprofFormatException("corrupt profile: a sample refers to missing location " + id);
            int[] nodes = graph.locationNodes[loc];
            for (int ni = nodes.length - 1; ni >= 0; ni--) {
                int n = nodes[ni];
                int base = n * types;
                if (seen[n] != stamp) {
                    seen[n] = stamp;
                    for (int k = 0; k < types; k++) cum[base + k] += values[k];
                }
                if (parent >= 0 && n != parent) {
                    if (ni != nodes.length - 1) {
                        mark(graph.inlineEdge[loc][ni], 1);
                    } else {
                        for (int k = 0; k < types; k++) {
                            if (values[k] != 0) inEdges[base + k] |= CALL_IN;
                        }
                        if (graph.inlinedSomewhere[n]) {
                            int e = graph.pairIndex.get(FunctionGraph.pairKey(parent, n));
                            if (e >= 0) mark(e, 2);
                        }
                    }
                }
                parent = n;
                if (stacks != null) path.push(n);
            }
        }
        if (parent >= 0) {
            int base = parent * types;
            for (int k = 0; k < types; k++) flat[base + k] += values[k];
        }
        if (stacks != null) addStack();
    }

    /**
     * pprof's Prune on one sample: walking from the root, once a frame that is not dropped has been
     * seen, the first dropped location ends the stack (a partly dropped one stays as the new leaf).
     */
    private int prunedLeaf(LongList locationIds) throws PprofFormatException {
        boolean foundUser = false;
        for (int i = locationIds.size() - 1; i >= 0; i--) {
            int loc = graph.location(locationIds.get(i));
            if (loc < 0) throw new PprofFormatException("corrupt profile: a sample refers to missing location " + locationIds.get(i));
            byte p = graph.prune[loc];
            if (p == 0) {
                foundUser = true;
            } else if (foundUser) {
                return p == 1 ? i + 1 : i;
            }
        }
        return 0;
    }

    private void mark(int pair, int bit) {
        int base = pair * types;
        for (int k = 0; k < types; k++) {
            if (values[k] != 0) pairSeen[base + k] |= (byte) bit;
        }
    }

    private void addStack() {
        StackKey key = new StackKey(path.toArray());
        long[] sum = stacks.get(key);
        if (sum == null) {
            if (stacks.size() >= MAX_STACKS) {
                stacksTruncated = true;
                return;
            }
            sum = new long[types];
            stacks.put(key, sum);
        }
        for (int k = 0; k < types; k++) sum[k] += values[k];
    }

    ProfileData.Sums result() {
        for (int e = 0; e < graph.pairCallee.length; e++) {
            int callee = graph.pairCallee[e];
            for (int k = 0; k < types; k++) {
                if (pairSeen[e * types + k] == 1) inEdges[callee * types + k] |= INLINE_IN;
            }
        }
        return new ProfileData.Sums(types, flat, cum, inEdges, totals, samples,
                stacks == null ? null : Map.copyOf(stacks), stacksTruncated);
    }

    /** A stack of node ids, root first, usable as a map key. */
    record StackKey(int[] nodes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StackKey k && Arrays.equals(nodes, k.nodes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nodes);
        }
    }

    private static final class IntStack {
        private int[] a = new int[64];
        private int n;

        void push(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        void clear() {
            n = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
