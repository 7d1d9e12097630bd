package io.alloytop.logs;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable, sorted list of sequence numbers that shares its backing array with the versions
 * derived from it: appending to the newest version writes past every older version's end, so no
 * one sees the change; appending to an older one (a branch) copies. Amortised O(1) append and
 * front trim, which keeps filtered views cheap at tens of thousands of lines per second.
 */
final class SeqIndex {
    private static final class Backing {
        final long[] data;
        final AtomicInteger used = new AtomicInteger();

        Backing(int size) {
            data = new long[size];
        }
    }

    static final SeqIndex EMPTY = new SeqIndex(new Backing(0), 0, 0);

    private final Backing backing;
    private final int from;
    private final int to;

    private SeqIndex(Backing backing, int from, int to) {
        this.backing = backing;
        this.from = from;
        this.to = to;
    }

    int size() {
        return to - from;
    }

    long get(int i) {
        return backing.data[from + i];
    }

    SeqIndex append(long seq) {
        if (to < backing.data.length && backing.used.compareAndSet(to, to + 1)) {
            backing.data[to] = seq;
            return new SeqIndex(backing, from, to + 1);
        }
        int n = size();
        Backing b = new Backing(Math.max(16, n * 2));
        System.arraycopy(backing.data, from, b.data, 0, n);
        b.data[n] = seq;
        b.used.set(n + 1);
        return new SeqIndex(b, 0, n + 1);
    }

    /** Drops the numbers below seq (they left the ring). */
    SeqIndex trimBelow(long seq) {
        int i = from;
        while (i < to && backing.data[i] < seq) i++;
        if (i == from) return this;
        return new SeqIndex(backing, i, to);
    }

    /** Index of the first number &gt;= seq, or size() when none. */
    int lowerBound(long seq) {
        int i = Arrays.binarySearch(backing.data, from, to, seq);
        return (i >= 0 ? i : -i - 1) - from;
    }
}
