package io.alloytop.pprof;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A minimal protobuf encoder for building test profiles; the mirror of the decoder, in test scope only. */
final class PbWriter {
    private final OutputStream out;

    PbWriter(OutputStream out) {
        this.out = out;
    }

    static byte[] message(java.util.function.Consumer<PbWriter> body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        body.accept(new PbWriter(b));
        return b.toByteArray();
    }

    PbWriter varint(long v) {
        try {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PbWriter tag(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    PbWriter uint(int field, long v) {
        return tag(field, 0).varint(v);
    }

    PbWriter bytes(int field, byte[] b) {
        tag(field, 2).varint(b.length);
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PbWriter string(int field, String s) {
        return bytes(field, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A repeated integer field, packed (proto3's encoding) or as one key per value. */
    PbWriter repeated(int field, long[] values, boolean packed) {
        if (!packed) {
            for (long v : values) uint(field, v);
            return this;
        }
        return bytes(field, message(w -> {
            for (long v : values) w.varint(v);
        }));
    }
}
