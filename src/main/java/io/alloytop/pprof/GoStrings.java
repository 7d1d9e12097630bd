package io.alloytop.pprof;

/** Go compares strings by UTF-8 bytes, which is code point order, not Java's UTF-16 unit order. */
final class GoStrings {
    private GoStrings() {}

    static int compare(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
