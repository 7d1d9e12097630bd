package io.alloytop.pprof;

import java.util.Arrays;

/** A growable list of primitive longs, reused across samples so decoding does not box. */
final class LongList {
    private long[] a = new long[16];
    private int n;

    void add(long v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    long get(int i) {
        return a[i];
    }

    int size() {
        return n;
    }

    void clear() {
        n = 0;
    }

    long[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
