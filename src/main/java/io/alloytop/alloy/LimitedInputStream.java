package io.alloytop.alloy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading past a limit so a runaway response cannot exhaust memory. */
final class LimitedInputStream extends FilterInputStream {
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    boolean exceeded() {
        return count > limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && ++count > limit) throw new TooLarge(limit);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > limit) throw new TooLarge(limit);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count += s;
        if (count > limit) throw new TooLarge(limit);
        return s;
    }

    static byte[] readAll(InputStream in, long limit) throws IOException {
        return new LimitedInputStream(in, limit).readAllBytes();
    }
}
