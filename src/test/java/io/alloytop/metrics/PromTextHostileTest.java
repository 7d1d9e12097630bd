package io.alloytop.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad body fails with a PromParseException at the right place, never another exception or a hang. */
@Timeout(value = 20, unit = TimeUnit.SECONDS) // a guard against hangs, not a performance assertion
class PromTextHostileTest {
    static PromParseException fails(byte[] body) {
        return assertThrows(PromParseException.class, () -> PromTextParser.parse(body));
    }

    static PromParseException fails(String body) {
        return fails(body.getBytes(StandardCharsets.UTF_8));
    }

    static void at(PromParseException e, int line, int column, String reasonPart) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertEquals("line " + line + ", column " + column + ": " + e.reason(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // body (\n written as \\n here)        | line | column | reason contains
        "foo{a=\"b                               | 1 | 7  | unterminated label value",
        "foo{a=\"b\"                             | 1 | 10 | unexpected end of input in label set",
        "foo{a=\"b\"}                            | 1 | 11 | missing value for metric foo",
        "ok 1\\nfoo                              | 2 | 4  | missing value for metric foo",
        "foo{a=\"x\\q\"} 1                       | 1 | 9  | invalid escape \\q in label value",
        "foo{a=\"line\\nbreak\"} 1               | 1 | 12 | unescaped newline in label value",
        "foo{a=\"b\" c=\"d\"} 1                  | 1 | 11 | expected ',' or '}' after label value, found 'c'",
        "foo{a \"b\"} 1                          | 1 | 7  | expected '=' after label name a",
        "foo{a=b} 1                              | 1 | 7  | expected '\"' for the value of label a",
        "foo{1a=\"b\"} 1                         | 1 | 5  | expected label name, found '1'",
        "foo{,} 1                                | 1 | 5  | expected label name, found ','",
        "foo{a=\"1\",a=\"2\"} 1                  | 1 | 11 | duplicate label name a",
        "foo{__name__=\"x\"} 1                   | 1 | 5  | label name __name__ is reserved",
        "foo one                                 | 1 | 5  | invalid value \"one\"",
        "foo 0x10                                | 1 | 5  | invalid value \"0x10\"",
        "foo 1_000                               | 1 | 5  | invalid value \"1_000\"",
        "foo 1e                                  | 1 | 5  | invalid value \"1e\"",
        "foo +NaN                                | 1 | 5  | invalid value \"+NaN\"",
        "foo 1 12.5                              | 1 | 7  | invalid timestamp \"12.5\"",
        "foo 1 9223372036854775808               | 1 | 7  | invalid timestamp",
        "foo 1 2 3                               | 1 | 9  | unexpected '3' after sample",
        "foo$ 1                                  | 1 | 4  | unexpected '$' in metric name",
        "1foo 1                                  | 1 | 1  | expected metric name, found '1'",
        "\"quoted\" 1                            | 1 | 1  | expected metric name, found '\"'",
        "# TYPE foo gauge\\n# TYPE foo counter   | 2 | 8  | second TYPE line for metric foo",
        "foo 1\\n# TYPE foo gauge                | 2 | 8  | TYPE line for metric foo after its samples",
        "# HELP foo a\\n# HELP foo b             | 2 | 8  | second HELP line for metric foo",
        "# TYPE foo gaugeish                     | 1 | 12 | unknown metric type \"gaugeish\"",
        "# TYPE foo gauge extra                  | 1 | 18 | unexpected 'e' after metric type",
        "# HELP foo-bar x                        | 1 | 11 | unexpected '-' in metric name",
        "# TYPE 9x gauge                         | 1 | 8  | expected metric name, found '9'",
        "foo 1\\rbar 2                           | 1 | 6  | unexpected carriage return",
        "a 1\\n\\n  b{x=\"\\\\\"} 2\\n c 3 4 5       | 4 | 8  | unexpected '5' after sample",
    })
    void reportsLineAndColumn(String body, int line, int column, String reason) {
        at(fails(body.replace("\\n", "\n").replace("\\r", "\r")), line, column, reason.replace("\\\\", "\\"));
    }

    @Test
    void invalidUtf8InLabelValueIsAnErrorAtTheBadByte() {
        byte[] body = bytes("m{a=\"ok\u00FFno\"} 1\n");
        at(fails(body), 1, 8, "invalid UTF-8 in label value");
        // After an escape the column still points into the input, not the unescaped value.
        at(fails(bytes("m{a=\"\\\\\u00C3\u0028\"} 1\n")), 1, 8, "invalid UTF-8 in label value");
        // Overlong encoding of '/', a UTF-16 surrogate, and a sequence cut by the closing quote.
        at(fails(bytes("m{a=\"\u00C0\u00AF\"} 1")), 1, 6, "invalid UTF-8");
        at(fails(bytes("m{a=\"\u00ED\u00A0\u0080\"} 1")), 1, 6, "invalid UTF-8");
        at(fails(bytes("m{a=\"x\u00E2\u0082\"} 1")), 1, 7, "invalid UTF-8");
    }

    @Test
    void invalidUtf8InHelpBecomesReplacementCharacters() throws Exception {
        MetricsSnapshot s = PromTextParser.parse(bytes("# HELP m bad \u00FF byte\nm 1\n"));
        assertEquals("bad \uFFFD byte", s.families().get(0).help());
    }

    @Test
    void nulBytes() throws Exception {
        at(fails(bytes("\u0000")), 1, 1, "expected metric name, found '\\x00'");
        at(fails(bytes("m\u0000 1")), 1, 2, "unexpected '\\x00' in metric name");
        at(fails(bytes("m 1\u0000")), 1, 3, "invalid value \"1\\x00\"");
        MetricsSnapshot s = PromTextParser.parse(bytes("# HELP m nul \u0000 here\nm{a=\"x\u0000y\"} 1\n"));
        assertEquals("x\0y", s.samples("m").get(0).labels().get("a"));
        assertEquals("nul \0 here", s.families().get(0).help());
        byte[] zeros = new byte[1 << 16];
        at(fails(zeros), 1, 1, "expected metric name");
    }

    @Test
    void megabyteLabelValues() throws Exception {
        String big = "v".repeat(1 << 20);
        MetricsSnapshot s = PromTextParser.parse(bytes("m{a=\"" + big + "\",b=\"\\\"" + big + "\"} 1\n"));
        assertEquals(big, s.samples("m").get(0).labels().get("a"));
        assertEquals("\"" + big, s.samples("m").get(0).labels().get("b"));
        // Unterminated: fails at the opening quote after scanning the whole line once.
        at(fails(bytes("m{a=\"" + big)), 1, 5, "unterminated label value");
        at(fails(bytes("m{a=\"" + big + "\\")), 1, 6 + big.length(), "unterminated label value");
        at(fails(bytes("m{a=\"" + big + "\u00FF\"} 1")), 1, 6 + big.length(), "invalid UTF-8");
    }

    @Test
    void hugeLineCounts() throws Exception {
        int n = 1_000_000;
        StringBuilder sb = new StringBuilder(n * 12);
        sb.append("\n".repeat(n));
        for (int i = 0; i < 200_000; i++) sb.append("m{i=\"").append(i).append("\"} ").append(i).append('\n');
        MetricsSnapshot s = PromTextParser.parse(bytes(sb.toString()));
        assertEquals(200_000, s.sampleCount());
        assertEquals(199_999, s.samples("m").get(199_999).value());
        sb.append("m{i=\"x\"} oops\n");
        at(fails(bytes(sb.toString())), n + 200_001, 10, "invalid value \"oops\"");
    }

    @Test
    void hugeLabelSetsAndLinesDoNotTakeQuadraticTime() {
        StringBuilder sb = new StringBuilder("m{");
        for (int i = 0; i < 200_000; i++) sb.append('l').append(i).append("=\"v\",");
        int col = sb.length() + 1;
        sb.append("l7=\"dup\"} 1\n");
        at(fails(bytes(sb.toString())), 1, col, "duplicate label name l7");
        String spaces = " ".repeat(10 << 20);
        at(fails(bytes("m" + spaces + "x")), 1, 2 + spaces.length(), "invalid value \"x\"");
    }

    @Test
    void garbage() {
        Random r = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(4096)];
            r.nextBytes(b);
            try {
                PromTextParser.parse(b);
            } catch (PromParseException e) {
                assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
            }
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        at(fails(png), 1, 1, "expected metric name, found '\\x89'");
        at(fails("<!doctype html><html>"), 1, 1, "expected metric name, found '<'");
        at(fails("{\"status\":\"success\"}"), 1, 1, "expected metric name, found '{'");
    }

    @Test
    void streamSizeLimit() throws Exception {
        byte[] body = "m 1\n".repeat(512).getBytes(StandardCharsets.US_ASCII); // 2 KiB
        assertEquals(512, PromTextParser.parse(new ByteArrayInputStream(body), body.length).sampleCount());
        PromParseException e = assertThrows(PromParseException.class,
                () -> PromTextParser.parse(new ByteArrayInputStream(body), body.length - 1));
        assertEquals("response too large: over 2047 bytes", e.getMessage());
        assertEquals(0, e.line());
        e = assertThrows(PromParseException.class, () -> PromTextParser.parse(new ByteArrayInputStream(body), 1024));
        assertEquals("response too large: over 1 KiB", e.getMessage());
        // An endless body stops at the limit instead of filling memory.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'm';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'm');
                return len;
            }
        };
        e = assertThrows(PromParseException.class, () -> PromTextParser.parse(endless, 32L << 20));
        assertEquals("response too large: over 32 MiB", e.getMessage());
    }

    @Test
    void streamParsesLikeBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 50_000; i++) out.writeBytes(("s{i=\"" + i + "\"} " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] body = out.toByteArray();
        assertEquals(PromTextParser.parse(body).families(),
                PromTextParser.parse(new ByteArrayInputStream(body), 32L << 20).families());
        at(assertThrows(PromParseException.class,
                () -> PromTextParser.parse(new ByteArrayInputStream("a 1\nb{".getBytes(StandardCharsets.US_ASCII)), 100)),
                2, 3, "unexpected end of input in label set");
    }

    /** Latin-1 view of a Java string literal with \xNN escapes written as chars, so bytes stay as typed. */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
