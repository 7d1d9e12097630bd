package io.alloytop.pprof;

import java.util.Arrays;

/** Open-addressing map from a profile's 64-bit ids to dense indexes; looked up once per stack frame. */
final class LongIntMap {
    private long[] keys = new long[64];
    private int[] vals = new int[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** Stores id → value unless id is present; returns false if it was. */
    boolean putIfAbsent(long key, int value) {
        if ((size + 1) * 2 > keys.length) grow();
        int i = slot(key);
        if (used[i]) return false;
        used[i] = true;
        keys[i] = key;
        vals[i] = value;
        size++;
        return true;
    }

    /** The value, or -1. */
    int get(long key) {
        int i = slot(key);
        return used[i] ? vals[i] : -1;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (used[i] && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private static long mix(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return k ^ (k >>> 29);
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        boolean[] ou = used;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        used = new boolean[ok.length * 2];
        Arrays.fill(vals, 0);
        for (int i = 0; i < ok.length; i++) {
            if (ou[i]) {
                int j = slot(ok[i]);
                used[j] = true;
                keys[j] = ok[i];
                vals[j] = ov[i];
            }
        }
    }
}
