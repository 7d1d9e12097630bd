package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Strings a hostile Alloy, log line, config or profile could carry, and the scan for what must not pass. */
final class Hostile {
    static final List<String> STRINGS = List.of(
            "clear\u001b[2Jscreen",
            "title\u001b]0;owned\u0007",
            "clip\u001b]52;c;ZWNobyBwd25lZA==\u0007",
            "link\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\",
            "c1csi\u009b31mred",
            "bell\u0007bell",
            "back\bspace",
            "carriage\rreturn",
            "nul\u0000byte",
            "bidi\u202egnp.exe\u202c",
            "isolate\u2066x\u2069",
            "invalid\uFFFD\uD800utf8",
            "del\u007fete",
            "st\u009cstring\u009d",
            "tab\there");

    private Hostile() {}

    /** One string holding all of them, for a single drawn field. */
    static String all() {
        return String.join("|", STRINGS);
    }

    /**
     * Fails on ESC, any C1 control, DEL, and any other C0 control except newline (and tab where the
     * output documents it), and on bidi overrides/isolates, which reorder what follows them on screen.
     * A lone surrogate is not checked: it cannot come from decoded bytes (decoders give U+FFFD) and
     * encodes as '?'.
     */
    static void assertClean(String where, String out, boolean tabAllowed) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean bad = c == 0x1b || (c >= 0x80 && c < 0xa0) || c == 0x7f
                    || (c < 0x20 && c != '\n' && !(tabAllowed && c == '\t'))
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (bad) {
                int from = Math.max(0, i - 30);
                fail(where + ": U+" + String.format("%04X", (int) c) + " reached the output near: "
                        + out.substring(from, Math.min(out.length(), i + 30)).replaceAll("\\p{Cntrl}", "?"));
            }
        }
    }
}
