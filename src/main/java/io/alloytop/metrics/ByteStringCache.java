package io.alloytop.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A fixed-size, direct-mapped cache from byte ranges to Strings, shared by every parse so that the
 * names and common label values of one scrape reuse the Strings of the last one. Races between
 * threads are benign: entries are immutable (final fields publish safely), and a lost write only
 * costs a later miss. Fixed size and a key length cap keep hostile bodies from growing it.
 */
final class ByteStringCache {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final class Entry {
        final byte[] key;
        final String value;
        final int hash;

        Entry(byte[] key, String value, int hash) {
            this.key = key;
            this.value = value;
            this.hash = hash;
        }
    }

    private final Entry[] table;
    private final int mask;
    private final int maxKeyLength;

    ByteStringCache(int sizePowerOfTwo, int maxKeyLength) {
        if (Integer.bitCount(sizePowerOfTwo) != 1) throw new IllegalArgumentException("size must be a power of two");
        this.table = new Entry[sizePowerOfTwo];
        this.mask = sizePowerOfTwo - 1;
        this.maxKeyLength = maxKeyLength;
    }

    int maxKeyLength() {
        return maxKeyLength;
    }

    /** Folds the bytes 8 at a time; keys are short (capped), so this stays a handful of multiplies. */
    static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h = len * 0x9E3779B97F4A7C15L;
        if (len >= 8) {
            int i = from;
            for (; i + 8 <= to; i += 8) h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL, 31);
            if (i < to) h = Long.rotateLeft((h ^ (long) LONGS.get(b, to - 8)) * 0xC2B2AE3D27D4EB4FL, 31);
        } else {
            for (int i = from; i < to; i++) h = (h << 8) | (b[i] & 0xFF);
        }
        // Murmur3's finaliser: every input bit reaches the low bits that pick the slot.
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return (int) (h ^ (h >>> 33));
    }

    /** The cached String for these exact bytes, or null. */
    String get(byte[] b, int from, int to, int hash) {
        Entry e = table[hash & mask];
        if (e != null && e.hash == hash && Arrays.equals(e.key, 0, e.key.length, b, from, to)) return e.value;
        return null;
    }

    void put(byte[] b, int from, int to, int hash, String value) {
        if (to - from <= maxKeyLength) table[hash & mask] = new Entry(Arrays.copyOfRange(b, from, to), value, hash);
    }
}
