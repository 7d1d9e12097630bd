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

    /**
     * Hashes length plus three 8-byte windows (start, middle, end) rather than every byte: names in one
     * scrape differ mostly at their ends, and a collision costs only a miss, never a wrong answer.
     */
    static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h = len * 0x9E3779B97F4A7C15L;
        if (len >= 8) {
            h ^= (long) LONGS.get(b, from);
            h = Long.rotateLeft(h * 0xC2B2AE3D27D4EB4FL, 31);
            h ^= (long) LONGS.get(b, from + (len >>> 1) - 4 + (len & 1));
            h = Long.rotateLeft(h * 0xC2B2AE3D27D4EB4FL, 31);
            h ^= (long) LONGS.get(b, to - 8);
        } else {
            for (int i = from; i < to; i++) h = (h << 8) | (b[i] & 0xFF);
        }
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
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
