package io.alloytop.pprof;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The top level of a profile read straight from the (decompressed) stream, so a large profile
 * is never held in memory whole: only one embedded message at a time is materialised.
 */
final class ProtoStream {
    /** No single sample, location or string is anywhere near this; a larger length means corruption. */
    static final int MAX_MESSAGE = 64 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long consumed;

    ProtoStream(InputStream in) {
        this.in = in;
    }

    /** True at a clean end of stream, between two fields. */
    boolean atEnd() throws PprofFormatException {
        return pos == lim && !fill();
    }

    long offset() {
        return consumed + pos;
    }

    long readTag() throws PprofFormatException {
        long tag = readVarint();
        if ((tag >>> 3) == 0) throw bad("field number 0");
        return tag;
    }

    long readVarint() throws PprofFormatException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos == lim && !fill()) throw truncated();
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) return result;
        }
        throw bad("a number is longer than 10 bytes");
    }

    int readLength() throws PprofFormatException {
        long n = readVarint();
        if (n < 0 || n > MAX_MESSAGE) throw bad("a field claims " + n + " bytes");
        return (int) n;
    }

    /** Reads a length-delimited payload; grows its buffer as bytes arrive, so a lying length cannot force a huge allocation. */
    byte[] readBytes(int n) throws PprofFormatException {
        byte[] out = new byte[Math.min(n, 1 << 20)];
        int got = 0;
        while (got < n) {
            if (pos == lim && !fill()) throw truncated();
            if (got == out.length) out = Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            int k = Math.min(Math.min(lim - pos, n - got), out.length - got);
            System.arraycopy(buf, pos, out, got, k);
            pos += k;
            got += k;
        }
        return out;
    }

    void skip(int wireType) throws PprofFormatException {
        switch (wireType) {
            case WireReader.VARINT -> readVarint();
            case WireReader.FIXED64 -> skipBytes(8);
            case WireReader.LEN -> skipBytes(readLength());
            case WireReader.FIXED32 -> skipBytes(4);
            default -> throw bad("unsupported wire type " + wireType);
        }
    }

    private void skipBytes(long n) throws PprofFormatException {
        while (n > 0) {
            if (pos == lim && !fill()) throw truncated();
            int k = (int) Math.min(lim - pos, n);
            pos += k;
            n -= k;
        }
    }

    private boolean fill() throws PprofFormatException {
        consumed += lim;
        pos = 0;
        lim = 0;
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) return false;
            lim = n;
            return true;
        } catch (EOFException e) {
            throw truncated();
        } catch (ZipException e) {
            throw new PprofFormatException("corrupt profile: the gzip data is damaged ("
                    + (e.getMessage() == null ? "bad deflate stream" : e.getMessage()) + ")");
        } catch (IOException e) {
            throw new PprofFormatException("cannot read profile: " + e.getMessage());
        }
    }

    private PprofFormatException truncated() {
        return new PprofFormatException("truncated profile: the data ends in the middle of a field (after "
                + offset() + " decompressed bytes)");
    }

    private PprofFormatException bad(String detail) {
        return new PprofFormatException("corrupt profile: " + detail + " (at decompressed byte " + offset() + ")");
    }
}
