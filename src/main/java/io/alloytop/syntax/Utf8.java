package io.alloytop.syntax;

/** Strict UTF-8 decoding with Go's rules: overlong forms and encoded surrogates are invalid. */
final class Utf8 {
    static final int RUNE_ERROR = 0xFFFD;

    private Utf8() {}

    /** Returns (rune << 3) | width; an invalid sequence gives RUNE_ERROR with width 1. */
    static long decode(byte[] b, int off) {
        int b0 = b[off] & 0xFF;
        if (b0 < 0x80) return pack(b0, 1);
        int need;
        int lo = 0x80, hi = 0xBF;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            cp = b0 & 0x0F;
            if (b0 == 0xE0) lo = 0xA0;
            if (b0 == 0xED) hi = 0x9F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            cp = b0 & 0x07;
            if (b0 == 0xF0) lo = 0x90;
            if (b0 == 0xF4) hi = 0x8F;
        } else {
            return pack(RUNE_ERROR, 1);
        }
        if (off + need >= b.length) return pack(RUNE_ERROR, 1);
        for (int i = 1; i <= need; i++) {
            int bi = b[off + i] & 0xFF;
            int l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
            if (bi < l || bi > h) return pack(RUNE_ERROR, 1);
            cp = (cp << 6) | (bi & 0x3F);
        }
        return pack(cp, need + 1);
    }

    private static long pack(int rune, int width) {
        return ((long) rune << 3) | width;
    }

    static int rune(long packed) {
        return (int) (packed >>> 3);
    }

    static int width(long packed) {
        return (int) (packed & 7);
    }
}
