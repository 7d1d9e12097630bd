package io.alloytop.json;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * JSON texts that reach the corners of tree reading: number types at their boundaries, escapes and
 * non-ASCII text, repeated keys, scalar and empty roots, content after the root. Drawn straight
 * from jqwik's Random: its flatMap/lazyOf combinators took minutes per hundred nested documents.
 */
final class JsonTexts {
    private static final String[] KEYS = {"\"a\"", "\"b\"", "\"\"", "\"\\u0061\"", "\"k\\n\""};
    private static final String[] ESCAPES = {"\\n", "\\t", "\\r", "\\b", "\\f", "\\/", "\\\\", "\\\"", "\\u0000",
        "\\u001f", "\\u00e9", "\\u2028", "\\ud83d\\ude80", "\\uD800", "\\udc00x", "\\uFFFF"};
    private static final String[] ODD_CHARS = {"🚀", "é", "\u0085", "\u202e", "\u00a0", "\ufffd"};
    private static final String[] TRAILING = {"x", "]", "}", ",1", "{", "[1", "\"", " garbage", "1", "null", "{\"a\":1}"};
    private static final String[] ODD_INTS = {"0", "-0", "00", "01", "-", "+1", "1_000"};
    private static final String[] ODD_FLOATS = {"1e400", "-1e400", "4.9e-324", "2e-400", "1.7976931348623157e308",
        "0.1", "-0.0", "1.", ".5", "1e", "NaN", "Infinity", "-Infinity", "1.0E+2", "123456789012345678901234.5"};
    private static final long[] BOUNDARIES = {Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};

    private JsonTexts() {}

    static Arbitrary<String> documents() {
        return Arbitraries.randomValue(JsonTexts::document);
    }

    static String document(Random r) {
        if (r.nextInt(13) == 0) return space(r) + space(r);
        StringBuilder b = new StringBuilder();
        b.append(space(r));
        value(r, b, r.nextInt(5));
        b.append(space(r));
        int t = r.nextInt(6);
        if (t == 0) b.append(pick(r, TRAILING));
        else if (t == 1) for (int i = r.nextInt(6); i > 0; i--) b.append((char) r.nextInt(0x80));
        return b.toString();
    }

    private static void value(Random r, StringBuilder b, int depth) {
        int kind = depth == 0 ? r.nextInt(4) : r.nextInt(8);
        switch (kind) {
            case 0, 4 -> string(r, b);
            case 1 -> b.append(integer(r));
            case 2 -> b.append(floating(r));
            case 3 -> b.append(r.nextInt(10) < 7 ? pick(r, "true", "false", "null") : integer(r));
            case 5, 6 -> {
                b.append('[').append(space(r));
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    if (i > 0) b.append(',').append(space(r));
                    value(r, b, depth - 1);
                    b.append(space(r));
                }
                b.append(']');
            }
            default -> {
                b.append('{').append(space(r));
                for (int i = 0, n = r.nextInt(5); i < n; i++) {
                    if (i > 0) b.append(',').append(space(r));
                    if (r.nextInt(5) == 0) string(r, b);
                    else b.append(pick(r, KEYS)); // few keys, so objects often repeat one
                    b.append(space(r)).append(':').append(space(r));
                    value(r, b, depth - 1);
                }
                b.append(space(r)).append('}');
            }
        }
    }

    private static String space(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(3); i > 0; i--) b.append(" \t\n\r".charAt(r.nextInt(4)));
        return b.toString();
    }

    static void string(Random r, StringBuilder b) {
        b.append('"');
        for (int i = r.nextInt(9); i > 0; i--) {
            int k = r.nextInt(9);
            if (k < 2) b.append(pick(r, ESCAPES));
            else if (k == 2) b.append(pick(r, ODD_CHARS));
            else if (k == 3) b.append((char) (0xa0 + r.nextInt(0x760)));
            else {
                char c = (char) (' ' + r.nextInt(95));
                b.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
            }
        }
        b.append('"');
    }

    /** Around the int/long/BigInteger boundaries, where the node class changes. */
    static String integer(Random r) {
        switch (r.nextInt(6)) {
            case 0, 1:
                return BigInteger.valueOf(BOUNDARIES[r.nextInt(BOUNDARIES.length)]).add(BigInteger.valueOf(r.nextInt(5) - 2)).toString();
            case 2:
                return String.valueOf(r.nextInt());
            case 3:
                return String.valueOf(r.nextLong());
            case 4:
                return (r.nextBoolean() ? "-" : "") + new BigInteger(64 + r.nextInt(200), r);
            default:
                return pick(r, ODD_INTS);
        }
    }

    static String floating(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return String.valueOf(Double.longBitsToDouble(r.nextLong()));
            case 1:
                return String.valueOf(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 2:
                return pick(r, ODD_FLOATS);
            default:
                String m = (r.nextBoolean() ? "-" : "") + digits(r, 1 + r.nextInt(20))
                        + (r.nextBoolean() ? "." + digits(r, 1 + r.nextInt(20)) : "");
                return r.nextBoolean() ? m : m + pick(r, "e", "E") + pick(r, "", "+", "-") + r.nextInt(401);
        }
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
        return b.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
