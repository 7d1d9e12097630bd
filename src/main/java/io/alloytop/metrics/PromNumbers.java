package io.alloytop.metrics;

import java.nio.charset.StandardCharsets;

/** Sample values and timestamps straight from bytes, without building a String on the common path. */
final class PromNumbers {
    private PromNumbers() {}

    /** Thrown for malformed numbers; shared and stackless because the parser turns it into a positioned error. */
    static final class Malformed extends Exception {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed number", null, false, false);
        }
    }

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    /**
     * Parses what Go's strconv.ParseFloat accepts in expositions: decimal with optional sign, fraction
     * and exponent; NaN; Inf, +Inf, -Inf, Infinity (case-insensitive, like Go). Hex floats and
     * underscores are rejected (no Go client writes them). Up to 15 significant digits with a small
     * exponent take the exact fast path (both operands exact, one correctly rounded operation); up to
     * 19 digits go through Eisel-Lemire; anything else is validated here and handed to
     * Double.parseDouble. All three round correctly, so results equal Double.parseDouble's.
     */
    static double parseDouble(byte[] b, int from, int to) throws Malformed {
        // Small enough to inline: bucket counts and most counters are plain integers.
        if (to - from <= 15) {
            long v = 0;
            int i = from;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                v = v * 10 + d;
            }
            if (i == to && to > from) return v;
        }
        return parseGeneral(b, from, to);
    }

    private static double parseGeneral(byte[] b, int from, int to) throws Malformed {
        if (from >= to) throw Malformed.INSTANCE;
        int i = from;
        boolean negative = false;
        byte c = b[i];
        if (c == '+' || c == '-') {
            negative = c == '-';
            if (++i == to) throw Malformed.INSTANCE;
            c = b[i];
        }
        if (c > '9') return special(b, i, to, negative, i > from);
        long mantissa = 0;
        int significant = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        for (; i < to && (c = b[i]) >= '0' && c <= '9'; i++) {
            anyDigit = true;
            if (mantissa != 0 || c != '0') {
                if (significant < 19) mantissa = mantissa * 10 + (c - '0');
                else exp10++;
                significant++;
            }
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to && (c = b[i]) >= '0' && c <= '9'; i++) {
                anyDigit = true;
                if (mantissa != 0 || c != '0') {
                    if (significant < 19) {
                        mantissa = mantissa * 10 + (c - '0');
                        exp10--;
                    }
                    significant++;
                } else {
                    exp10--;
                }
            }
        }
        if (!anyDigit) throw Malformed.INSTANCE;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            if (++i == to) throw Malformed.INSTANCE;
            boolean expNegative = false;
            if (b[i] == '+' || b[i] == '-') {
                expNegative = b[i] == '-';
                if (++i == to) throw Malformed.INSTANCE;
            }
            int e = 0;
            boolean expDigit = false;
            for (; i < to && (c = b[i]) >= '0' && c <= '9'; i++) {
                expDigit = true;
                if (e < 100_000) e = e * 10 + (c - '0');
            }
            if (!expDigit) throw Malformed.INSTANCE;
            exp10 += expNegative ? -e : e;
        }
        if (i != to) throw Malformed.INSTANCE;
        if (mantissa == 0) return negative ? -0.0 : 0.0;
        if (significant <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
            return negative ? -v : v;
        }
        if (significant <= 19) {
            double v = EiselLemire.convert(mantissa, exp10, negative);
            if (!Double.isNaN(v)) return v;
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private static double special(byte[] b, int from, int to, boolean negative, boolean signed) throws Malformed {
        int len = to - from;
        if (!signed && len == 3 && lowerEquals(b, from, "nan")) return Double.NaN;
        if ((len == 3 && lowerEquals(b, from, "inf")) || (len == 8 && lowerEquals(b, from, "infinity"))) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw Malformed.INSTANCE;
    }

    private static boolean lowerEquals(byte[] b, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((b[from + k] | 0x20) != lower.charAt(k)) return false;
        }
        return true;
    }

    /** A decimal int64 with optional sign, as Go's strconv.ParseInt(s, 10, 64). */
    static long parseLong(byte[] b, int from, int to) throws Malformed {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == to) throw Malformed.INSTANCE;
        long v = 0;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) throw Malformed.INSTANCE;
            // Accumulate negatively so Long.MIN_VALUE itself is representable.
            if (v < (Long.MIN_VALUE + d) / 10) throw Malformed.INSTANCE;
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) throw Malformed.INSTANCE;
            v = -v;
        }
        return v;
    }
}
