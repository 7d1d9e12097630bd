package io.alloytop.pprof;

/**
 * Protocol-buffer wire format over one embedded message held in memory. Every read is bounds
 * checked so corrupt input ends in a {@link PprofFormatException}, never an index error or a loop.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private final int end;
    private final String what;

    WireReader(byte[] buf, int off, int len, String what) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        this.what = what;
    }

    WireReader(byte[] buf, String what) {
        this(buf, 0, buf.length, what);
    }

    boolean hasMore() {
        return pos < end;
    }

    /** Reads a field key; callers split it with {@code >>> 3} and {@code & 7}. */
    long readTag() throws PprofFormatException {
        long tag = readVarint();
        if ((tag >>> 3) == 0) throw bad("field number 0");
        return tag;
    }

    long readVarint() throws PprofFormatException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) throw bad("a number runs past the end of its message");
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) return result;
        }
        throw bad("a number is longer than 10 bytes");
    }

    int readLength() throws PprofFormatException {
        long n = readVarint();
        if (n < 0 || n > end - pos) throw bad("a length of " + n + " runs past the end of its message");
        return (int) n;
    }

    /** Starts a nested message: the returned reader covers it and this one moves past it. */
    WireReader readMessage(String inner) throws PprofFormatException {
        int n = readLength();
        WireReader r = new WireReader(buf, pos, n, inner);
        pos += n;
        return r;
    }

    /**
     * A repeated integer field arrives packed (one length-delimited run) or one value per key; proto3
     * writers pack, older ones do not, and pprof accepts both, so this does too.
     */
    void readRepeatedVarint(int wireType, LongList into) throws PprofFormatException {
        if (wireType == VARINT) {
            into.add(readVarint());
        } else if (wireType == LEN) {
            int n = readLength();
            int stop = pos + n;
            WireReader packed = new WireReader(buf, pos, n, what);
            while (packed.hasMore()) into.add(packed.readVarint());
            pos = stop;
        } else {
            throw bad("wire type " + wireType + " where integers were expected");
        }
    }

    long readVarintField(int wireType) throws PprofFormatException {
        if (wireType != VARINT) throw bad("wire type " + wireType + " where an integer was expected");
        return readVarint();
    }

    void skip(int wireType) throws PprofFormatException {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LEN -> advance(readLength());
            case FIXED32 -> advance(4);
            default -> throw bad("unsupported wire type " + wireType);
        }
    }

    private void advance(int n) throws PprofFormatException {
        if (n > end - pos) throw bad("a field runs past the end of its message");
        pos += n;
    }

    PprofFormatException bad(String detail) {
        return new PprofFormatException("corrupt profile: " + detail + " (in " + what + ")");
    }
}
