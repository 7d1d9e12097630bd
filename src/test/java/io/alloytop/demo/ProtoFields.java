package io.alloytop.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tiny protobuf wire reader for tests: proves the demo's profiles are well-formed field by field. */
final class ProtoFields {
    record Field(int number, int wireType, long varint, byte[] bytes) {
        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ProtoFields() {}

    static List<Field> parse(byte[] b) {
        List<Field> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            long key = varint(b, pos);
            int number = (int) (key >>> 3);
            int wt = (int) (key & 7);
            if (number <= 0) throw new IllegalArgumentException("bad field number at " + pos[0]);
            switch (wt) {
                case 0:
                    out.add(new Field(number, wt, varint(b, pos), null));
                    break;
                case 2: {
                    int len = (int) varint(b, pos);
                    if (len < 0 || pos[0] + len > b.length) throw new IllegalArgumentException("length overruns at " + pos[0]);
                    byte[] v = java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len);
                    pos[0] += len;
                    out.add(new Field(number, wt, 0, v));
                    break;
                }
                default:
                    throw new IllegalArgumentException("unexpected wire type " + wt);
            }
        }
        return out;
    }

    static long varint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) throw new IllegalArgumentException("truncated varint");
            int x = b[pos[0]++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) return v;
        }
        throw new IllegalArgumentException("varint too long");
    }

    static long[] packed(byte[] b) {
        List<Long> vals = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) vals.add(varint(b, pos));
        return vals.stream().mapToLong(Long::longValue).toArray();
    }

    static List<String> strings(List<Field> profile) {
        List<String> s = new ArrayList<>();
        for (Field f : profile) if (f.number() == 6) s.add(f.string());
        return s;
    }
}
