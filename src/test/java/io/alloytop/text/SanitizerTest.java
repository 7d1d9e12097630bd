package io.alloytop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SanitizerTest {
    @Test
    void plainTextIsReturnedAsTheSameInstance() {
        String s = "ts=2026-08-21T13:41:07Z level=info msg=\"Alloy is running\" 日本語 ✓ 🚀";
        assertSame(s, Sanitizer.line(s));
        assertTrue(Sanitizer.isClean(s));
    }

    @Test
    void escapeSequencesBecomeVisibleText() {
        assertEquals("␛[2J␛[31mred␛[0m", Sanitizer.line("\u001b[2J\u001b[31mred\u001b[0m"));
        // OSC 8 hyperlink and OSC 0 title, terminated by ST (ESC \) and by BEL
        assertEquals("␛]8;;http://evil/␛\\click␛]8;;␛\\", Sanitizer.line("\u001b]8;;http://evil/\u001b\\click\u001b]8;;\u001b\\"));
        assertEquals("␛]0;pwned␇", Sanitizer.line("\u001b]0;pwned\u0007"));
        assertEquals("␛P+q544e␛\\", Sanitizer.line("\u001bP+q544e\u001b\\")); // DCS
    }

    @Test
    void c0ControlsAndDelBecomeControlPictures() {
        assertEquals("a␀b␇c␈d␍e␡f␌", Sanitizer.line("a\u0000b\u0007c\bd\re\u007Ff\f"));
    }

    @Test
    void c1ControlsBecomeHexEscapes() {
        assertEquals("\\x9b2J \\x85 \\x80\\x9f", Sanitizer.line("\u009b2J \u0085 \u0080\u009f"));
    }

    @Test
    void newlinesFollowTheMode() {
        assertEquals("panic: boom⏎goroutine 1 [running]:⏎", Sanitizer.line("panic: boom\r\ngoroutine 1 [running]:\n"));
        assertEquals("panic: boom\ngoroutine 1", Sanitizer.multiline("panic: boom\r\ngoroutine 1"));
    }

    @Test
    void tabsExpandToStopsCountedInColumns() {
        assertEquals("a   b", Sanitizer.line("a\tb"));
        assertEquals("日本    x", Sanitizer.line("日本\tx")); // 4 columns used by two wide chars: next stop is 8
        assertEquals("ab\n    c", Sanitizer.multiline("ab\n\tc")); // stops restart on each line
        assertEquals("a␉b", new Sanitizer(Sanitizer.Newlines.SYMBOL, 0).apply("a\tb"));
    }

    @Test
    void bidiOverridesAndSeparatorsAreNeutralised() {
        assertEquals("<U+202E>gnp.exe<U+2066>x<U+2069>", Sanitizer.line("\u202Egnp.exe\u2066x\u2069"));
        assertEquals("a<U+2028>b<U+2029>", Sanitizer.line("a\u2028b\u2029"));
    }

    @Test
    void invalidUtf8AndLoneSurrogatesBecomeReplacementChars() {
        byte[] raw = {'o', 'k', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xE2, (byte) 0x82, 0x1B, '['};
        assertEquals("ok\uFFFD(\uFFFD\uFFFD␛[", Sanitizer.bytes(raw));
        assertEquals("a\uFFFDb\uFFFD", Sanitizer.line("a\uD800b\uDC00"));
        assertEquals("😀", Sanitizer.line("\uD83D\uDE00"));
    }

    @Test
    void nullBecomesEmpty() {
        assertEquals("", Sanitizer.line(null));
    }

    @Test
    void everyCharBelowU0100IsHandled() {
        for (char c = 0; c < 0x100; c++) {
            String out = Sanitizer.line("x" + c + "y");
            assertNoControls(out, false);
        }
    }

    @Property(tries = 2000)
    void lineOutputNeverHoldsAControlChar(@ForAll("hostile") String s) {
        String out = Sanitizer.line(s);
        assertNoControls(out, false);
        assertEquals(out, Sanitizer.line(out), "sanitising is idempotent");
    }

    @Property(tries = 1000)
    void multilineOutputHoldsOnlyNewlinesAsControls(@ForAll("hostile") String s) {
        assertNoControls(Sanitizer.multiline(s), true);
    }

    @Property(tries = 1000)
    void anyBytesDecodeToSafeText(@ForAll byte[] raw) {
        String out = Sanitizer.bytes(raw);
        assertNoControls(out, false);
        assertFalse(new String(out.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("\u001b"));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> controls = Arbitraries.chars().range('\u0000', '\u00A0');
        Arbitrary<Character> any = Arbitraries.chars().all();
        Arbitrary<Character> special = Arbitraries.of('\u001b', '\u009b', '\u202e', '\u2066', '\uD83D', '\uDE00',
                '\t', '\n', '\r', '日', 'e', '\u0301');
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, controls), net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(4, special))
                .list().ofMaxSize(60)
                .map(cs -> {
                    StringBuilder b = new StringBuilder();
                    cs.forEach(b::append);
                    return b.toString();
                });
    }

    static void assertNoControls(String out, boolean newlineAllowed) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (newlineAllowed && c == '\n') continue;
            assertFalse(c < 0x20 || (c >= 0x7F && c <= 0x9F), () -> "control char " + (int) c + " in " + out);
            assertFalse(c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069, "bidi control in output");
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1)), "lone high surrogate");
                i++;
            } else {
                assertFalse(Character.isLowSurrogate(c), "lone low surrogate");
            }
        }
    }
}
