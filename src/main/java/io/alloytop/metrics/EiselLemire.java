package io.alloytop.metrics;

import java.math.BigInteger;

/**
 * Correctly rounded decimal-to-double for mantissas of up to 19 digits, after Eisel and Lemire
 * ("Number Parsing at a Gigabyte per Second", 2021) in the form Go's strconv uses. It answers
 * "unknown" (NaN) in the rare cases it cannot decide; the caller then uses Double.parseDouble.
 * Go writes histogram sums and timestamps with 16-17 digits, too many for the exact fast path.
 */
final class EiselLemire {
    private EiselLemire() {}

    static final int MIN_EXP10 = -348;
    static final int MAX_EXP10 = 347;

    /** 10^e for each e, normalised to 128 bits with the top bit set and rounded down: {low, high}. */
    private static final class Powers {
        static final long[] TABLE = build();

        private static long[] build() {
            long[] t = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
            BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
            for (int e = MIN_EXP10; e <= MAX_EXP10; e++) {
                BigInteger v;
                if (e >= 0) {
                    v = BigInteger.TEN.pow(e);
                    int bl = v.bitLength();
                    v = bl > 128 ? v.shiftRight(bl - 128) : v.shiftLeft(128 - bl);
                } else {
                    BigInteger d = BigInteger.TEN.pow(-e);
                    v = BigInteger.ONE.shiftLeft(127 + d.bitLength()).divide(d);
                }
                int i = 2 * (e - MIN_EXP10);
                t[i] = v.and(mask).longValue();
                t[i + 1] = v.shiftRight(64).longValue();
            }
            return t;
        }
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** man (unsigned, non-zero, exact) × 10^exp10, or NaN when undecided or out of range. */
    static double convert(long man, int exp10, boolean negative) {
        if (exp10 < MIN_EXP10 || exp10 > MAX_EXP10 || man == 0) return Double.NaN;
        int clz = Long.numberOfLeadingZeros(man);
        man <<= clz;
        long retExp2 = (long) (((217706 * exp10) >> 16) + 64 + 1023) - clz;
        int idx = 2 * (exp10 - MIN_EXP10);
        long powLo = Powers.TABLE[idx];
        long powHi = Powers.TABLE[idx + 1];
        long xHi = unsignedMultiplyHigh(man, powHi);
        long xLo = man * powHi;
        // The truncated power may be too small by one unit; widen when that could carry.
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = unsignedMultiplyHigh(man, powLo);
            long yLo = man * powLo;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) mergedHi++;
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        retExp2 -= 1 ^ msb;
        // Exactly half-way between two doubles: the truncation hides which way to round.
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) return Double.NaN;
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if ((mantissa >>> 53) > 0) {
            mantissa >>>= 1;
            retExp2++;
        }
        // Subnormals, infinities: leave to the slow path.
        if (Long.compareUnsigned(retExp2 - 1, 0x7FF - 1) >= 0) return Double.NaN;
        long bits = retExp2 << 52 | (mantissa & 0x000FFFFFFFFFFFFFL);
        if (negative) bits |= 0x8000000000000000L;
        return Double.longBitsToDouble(bits);
    }
}
