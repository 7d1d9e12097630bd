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
 *
 * <p>Keys of up to 16 bytes (label names, {@code le} and {@code quantile} values, most metric
 * names' ends) are packed into two longs, so a hit costs two compares instead of an array
 * comparison call.
 */
final class ByteStringCache {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int PACKED = 16;

    private static final class Entry {
        final byte[] key; // null when packed
        final long w0;
        final long w1;
        final int length;
        final int hash;
        final String value;

        Entry(byte[] key, long w0, long w1, int length, int hash, String value) {
            this.key = key;
            this.w0 = w0;
            this.w1 = w1;
            this.length = length;
            this.hash = hash;
            this.value = value;
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

    /** The n (1..8) bytes at b[at], little-endian, zero-padded: one load when the array allows it. */
    private static long word(byte[] b, int at, int n) {
        if (at + 8 <= b.length) {
            long w = (long) LONGS.get(b, at);
            return n == 8 ? w : w & ((1L << (n << 3)) - 1);
        }
        long w = 0;
        for (int i = n - 1; i >= 0; i--) w = (w << 8) | (b[at + i] & 0xFF);
        return w;
    }

    // For 8 < length <= 16 the two words overlap; with the length they still identify the bytes.
    private static long first(byte[] b, int from, int length) {
        return length == 0 ? 0 : word(b, from, Math.min(length, 8));
    }

    private static long second(byte[] b, int from, int length) {
        return length <= 8 ? 0 : word(b, from + length - 8, 8);
    }

    /** Folds the bytes 8 at a time; keys are short (capped), so this stays a handful of multiplies. */
    static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h = len * 0x9E3779B97F4A7C15L;
        if (len <= PACKED) {
            h = Long.rotateLeft((h ^ first(b, from, len)) * 0xC2B2AE3D27D4EB4FL, 31) ^ second(b, from, len);
        } else {
            int i = from;
            for (; i + 8 <= to; i += 8) h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL, 31);
            if (i < to) h = Long.rotateLeft((h ^ (long) LONGS.get(b, to - 8)) * 0xC2B2AE3D27D4EB4FL, 31);
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
        int len = to - from;
        if (e == null || e.hash != hash || e.length != len) return null;
        if (len <= PACKED) {
            return e.w0 == first(b, from, len) && e.w1 == second(b, from, len) ? e.value : null;
        }
        return Arrays.equals(e.key, 0, len, b, from, to) ? e.value : null;
    }

    void put(byte[] b, int from, int to, int hash, String value) {
        int len = to - from;
        if (len > maxKeyLength) return;
        table[hash & mask] = len <= PACKED
                ? new Entry(null, first(b, from, len), second(b, from, len), len, hash, value)
                : new Entry(Arrays.copyOfRange(b, from, to), 0, 0, len, hash, value);
    }
}
