package io.alloytop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void widthsOfCommonScripts() {
        assertEquals(5, DisplayWidth.of("hello"));
        assertEquals(6, DisplayWidth.of("日本語"));
        assertEquals(4, DisplayWidth.of("한국"));
        assertEquals(2, DisplayWidth.of("😀"));
        assertEquals(2, DisplayWidth.of("ＡＢ".substring(0, 1))); // fullwidth A
        assertEquals(1, DisplayWidth.of("e\u0301")); // e + combining acute
        assertEquals(0, DisplayWidth.of("\u200B\u200D\uFE0F"));
        assertEquals(3, DisplayWidth.of("␛[2"));
        assertEquals(1, DisplayWidth.of("\uFFFD"));
        assertEquals(2, DisplayWidth.of(0x20000)); // CJK extension B
        assertEquals(1, DisplayWidth.of(0x10400)); // Deseret: narrow supplementary letter
    }

    @Test
    void fitNeverSplitsAWideChar() {
        assertEquals("日本", DisplayWidth.fit("日本語", 5));
        assertEquals("日本語", DisplayWidth.fit("日本語", 6));
        assertEquals("a", DisplayWidth.fit("a😀b", 2));
        assertEquals("a😀", DisplayWidth.fit("a😀b", 3));
        assertEquals("", DisplayWidth.fit("日", 1));
        assertEquals("", DisplayWidth.fit("abc", 0));
    }

    @Test
    void fitKeepsCombiningMarksWithTheirBase() {
        assertEquals("ae\u0301", DisplayWidth.fit("ae\u0301b", 2));
    }

    @Test
    void truncateAndPad() {
        assertEquals("hello", DisplayWidth.truncate("hello", 5));
        assertEquals("hel…", DisplayWidth.truncate("hello", 4));
        assertEquals("日…", DisplayWidth.truncate("日本語", 4));
        assertEquals("日本 ", DisplayWidth.pad("日本語", 5));
        assertEquals("ab   ", DisplayWidth.pad("ab", 5));
    }

    @Test
    void widthOfARangeLocatesHighlights() {
        String s = "日本 error";
        assertEquals(5, DisplayWidth.of(s, 0, s.indexOf("error")));
    }

    @Test
    void wrapKeepsWideCharsWholeAndHonoursNewlines() {
        assertEquals(java.util.List.of("abc", "de"), DisplayWidth.wrap("abcde", 3));
        assertEquals(java.util.List.of("日", "本", "語"), DisplayWidth.wrap("日本語", 3));
        assertEquals(java.util.List.of("ab", "", "c"), DisplayWidth.wrap("ab\n\nc", 5));
        assertEquals(java.util.List.of(""), DisplayWidth.wrap("", 5));
        assertEquals(java.util.List.of("日", "x"), DisplayWidth.wrap("日x", 1)); // too wide: alone on its row
    }

    @Property(tries = 500)
    void wrapLosesNothing(@ForAll String s, @ForAll @IntRange(min = 1, max = 20) int cols) {
        String clean = Sanitizer.line(s);
        java.util.List<String> rows = DisplayWidth.wrap(clean, cols);
        assertEquals(clean, String.join("", rows));
        for (String r : rows) assertTrue(DisplayWidth.of(r) <= cols || r.codePointCount(0, r.length()) == 1);
    }

    @Property(tries = 1000)
    void fitIsTheLongestFittingPrefix(@ForAll String s, @ForAll @IntRange(min = 0, max = 40) int cols) {
        String cut = DisplayWidth.fit(s, cols);
        assertTrue(s.startsWith(cut));
        assertTrue(DisplayWidth.of(cut) <= cols);
        if (cut.length() < s.length()) {
            assertTrue(DisplayWidth.of(cut) + DisplayWidth.of(s.codePointAt(cut.length())) > cols, "could have kept one more");
            assertTrue(cut.isEmpty() || !Character.isHighSurrogate(cut.charAt(cut.length() - 1))
                    || Character.isLowSurrogate(s.charAt(cut.length())) == false, "split a surrogate pair");
        }
        assertEquals(cols, DisplayWidth.of(DisplayWidth.pad(Sanitizer.line(s), cols)));
    }
}
