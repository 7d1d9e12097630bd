package io.alloytop.pprof;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-function flat and cumulative sums for every sample type at once, following pprof's graph
 * construction: a sample's value goes once into the cum of each distinct function on its stack
 * (recursion does not double count), and into the flat of the innermost frame of its leaf location;
 * each inlined frame of a location is a function of its own.
 */
final class Aggregator {
    static final int INLINE_IN = 1;
    static final int CALL_IN = 2;
    /** Beyond this many distinct stacks, grouping stops adding new ones (and says so). */
    static final int MAX_STACKS = 50_000;

    private final ProfileDecoder.Graph graph;
    private final int types;
    private final long[] flat;
    private final long[] cum;
    private final byte[] inEdges;
    private final int[] seen;
    private final long[] totals;
    private final long[] values;
    private int stamp;
    private long samples;
    private final Map<StackKey, long[]> stacks;
    private boolean stacksTruncated;
    private final IntStack path = new IntStack();

    Aggregator(ProfileDecoder.Graph graph, int types, boolean keepStacks) {
        this.graph = graph;
        this.types = types;
        int n = graph.names.length;
        this.flat = new long[n * types];
        this.cum = new long[n * types];
        this.inEdges = new byte[n * types];
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
        for (int i = locationIds.size() - 1; i >= 0; i--) {
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
                    byte kind = (byte) (ni != nodes.length - 1 ? INLINE_IN : CALL_IN);
                    for (int k = 0; k < types; k++) {
                        if (values[k] != 0) inEdges[base + k] |= kind;
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
