package io.alloytop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level number parsing must agree bit for bit with Double.parseDouble / Long.parseLong. */
class PromNumbersTest {
    static double parse(String s) throws PromNumbers.Malformed {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return PromNumbers.parseDouble(b, 0, b.length);
    }

    static void same(String s) throws PromNumbers.Malformed {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(parse(s)), s);
    }

    @Test
    void agreesWithDoubleParseDoubleOnEveryPath() throws Exception {
        // Clinger's fast path, Eisel-Lemire (16-19 digits), and the fallback (more digits, huge exponents).
        for (String s : new String[] {"0", "-0", "1", "0.1", "1e22", "1e23", "123456789012345", "1.7637988124962106e+09",
            "9007199254740993", "18446744073709551615", "9999999999999999999", "12345678901234567890123",
            "2.2250738585072011e-308", "4.9e-324", "1e-400", "1.7976931348623157e308", "1.8e308", "0.000123456",
            "5e-324", "2.4703282292062328e-324", "8.98846567431158e307", "1.00000000000000011102230246251565404236316680908203125"}) {
            same(s);
        }
        Random r = new Random(20261122L);
        for (int i = 0; i < 40_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) continue;
            same(Double.toString(d));
            same(String.format(Locale.ROOT, "%.16e", d));
            same(Long.toUnsignedString(r.nextLong() >>> r.nextInt(64)) + "e" + (r.nextInt(700) - 350));
        }
    }

    @Test
    void specialsAndRejects() throws Exception {
        assertEquals(Double.POSITIVE_INFINITY, parse("+Inf"));
        assertEquals(Double.POSITIVE_INFINITY, parse("infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-INF"));
        assertEquals(Double.NaN, parse("nan"));
        for (String bad : new String[] {"", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x1p3", "1_0", "1d", "1f", " 1", "1 ",
            "NaNx", "+NaN", "Infinit", "--1", "1e5.5"}) {
            assertThrows(PromNumbers.Malformed.class, () -> parse(bad), bad);
        }
    }

    @Test
    void timestamps() throws Exception {
        for (String s : new String[] {"0", "-1", "+5", "1395066363000", "9223372036854775807", "-9223372036854775808"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Long.parseLong(s), PromNumbers.parseLong(b, 0, b.length), s);
        }
        for (String s : new String[] {"", "-", "9223372036854775808", "-9223372036854775809", "1.5", "1e3", "12a"}) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThrows(PromNumbers.Malformed.class, () -> PromNumbers.parseLong(b, 0, b.length), s);
        }
    }
}
