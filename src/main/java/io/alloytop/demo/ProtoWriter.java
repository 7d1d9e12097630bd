package io.alloytop.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The handful of protobuf wire-format writes a pprof Profile needs: varints, length-delimited fields, packed arrays. */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

    static final int VARINT = 0;
    static final int LEN = 2;

    void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    /** An int64/uint64 field; proto3 omits zero values. */
    void int64(int field, long v) {
        if (v == 0) return;
        tag(field, VARINT);
        varint(v);
    }

    void bool(int field, boolean v) {
        if (!v) return;
        tag(field, VARINT);
        varint(1);
    }

    void bytes(int field, byte[] b) {
        tag(field, LEN);
        varint(b.length);
        out.write(b, 0, b.length);
    }

    /** A string element of a repeated field: written even when empty (string_table[0] must be ""). */
    void string(int field, String s) {
        bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    void message(int field, ProtoWriter m) {
        bytes(field, m.toByteArray());
    }

    void packed(int field, long[] values) {
        if (values.length == 0) return;
        ProtoWriter p = new ProtoWriter();
        for (long v : values) p.varint(v);
        bytes(field, p.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
