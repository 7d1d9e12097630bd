package io.alloytop.text;

/**
 * Terminal column widths (wcwidth): East Asian wide/fullwidth characters and emoji take 2 columns,
 * combining marks and format characters 0, everything else 1. Control characters count 0 because
 * they never reach a terminal: callers measure {@link Sanitizer} output.
 *
 * <p>The Basic Multilingual Plane is looked up in a 64 KiB table built once, so measuring the usual
 * log text costs one array read per char; other planes use a short range search.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    /** East Asian Wide and Fullwidth ranges plus emoji presentation (Unicode 15), inclusive pairs. */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, 0x3041, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA4CF, 0xA960, 0xA97F, 0xAC00, 0xD7A3,
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6,
        0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x18CFF, 0x18D00, 0x18D08, 0x1AFF0, 0x1B2FF,
        0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202,
        0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320,
        0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3,
        0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC,
        0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596,
        0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2,
        0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB,
        0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF,
        0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    };

    /** Zero-width ranges that Unicode's general categories alone do not give (Hangul jungseong/jongseong). */
    private static final int[] ZERO_EXTRA = {0x1160, 0x11FF, 0xD7B0, 0xD7FF, 0x200B, 0x200B};

    private static final byte[] BMP = buildBmpTable();

    private static byte[] buildBmpTable() {
        byte[] t = new byte[0x10000];
        for (int c = 0; c < t.length; c++) t[c] = (byte) computeWidth(c);
        return t;
    }

    private static int computeWidth(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
        if (cp < 0x300) return 1; // Latin-1 and extensions: no marks below U+0300 except soft hyphen, which is shown
        if (inRanges(ZERO_EXTRA, cp)) return 0;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        if (type == Character.SURROGATE) return 1; // a lone surrogate is drawn as one replacement cell
        return inRanges(WIDE, cp) ? 2 : 1;
    }

    private static boolean inRanges(int[] ranges, int cp) {
        int lo = 0, hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < ranges[2 * mid]) hi = mid - 1;
            else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** Columns one code point takes: 0, 1 or 2. */
    public static int of(int codePoint) {
        if (codePoint < 0x10000) return codePoint < 0 ? 0 : BMP[codePoint];
        return computeWidth(codePoint);
    }

    /** Columns the whole string takes. */
    public static int of(CharSequence s) {
        return of(s, 0, s.length());
    }

    /** Columns taken by chars [from, to) of s; useful to place a highlight found at a char index. */
    public static int of(CharSequence s, int from, int to) {
        int w = 0;
        for (int i = from; i < to; ) {
            char c = s.charAt(i);
            if (c < 0x7F && c >= 0x20) {
                w++;
                i++;
                continue;
            }
            int cp = Character.codePointAt(s, i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * The longest prefix of s that fits in columns, never splitting a wide char or a surrogate
     * pair; zero-width marks that follow the last kept char stay with it. Returns s itself when it fits.
     */
    public static String fit(String s, int columns) {
        int end = fitIndex(s, columns);
        return end == s.length() ? s : s.substring(0, end);
    }

    /** The char index where {@link #fit} cuts. */
    public static int fitIndex(CharSequence s, int columns) {
        int w = 0;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(s, i);
            int cw = of(cp);
            if (w + cw > columns) return i;
            w += cw;
            i += Character.charCount(cp);
        }
        return n;
    }

    /** Cuts s to columns, ending with an ellipsis when it was cut (the ellipsis counts in the width). */
    public static String truncate(String s, int columns) {
        if (of(s) <= columns) return s;
        if (columns <= 0) return "";
        return fit(s, columns - 1) + "…";
    }

    /** Exactly columns wide: cut (without ellipsis) or padded with spaces, wide chars never split. */
    public static String pad(String s, int columns) {
        String cut = fit(s, columns);
        int w = of(cut);
        if (w == columns) return cut;
        StringBuilder b = new StringBuilder(cut.length() + columns - w).append(cut);
        for (int i = w; i < columns; i++) b.append(' ');
        return b.toString();
    }

    /**
     * Splits s into rows of at most columns (for a wrap toggle or a detail view), never splitting a
     * wide char; '\n' in s (from {@link Sanitizer#multiline}) also ends a row. A char wider than
     * columns still gets a row of its own, so the loop always advances.
     */
    public static java.util.List<String> wrap(String s, int columns) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        int cols = Math.max(1, columns);
        for (String line : s.split("\n", -1)) {
            int start = 0;
            do {
                int cut = start + fitIndex(line.subSequence(start, line.length()), cols);
                if (cut == start && start < line.length()) cut = start + Character.charCount(line.codePointAt(start));
                rows.add(line.substring(start, cut));
                start = cut;
            } while (start < line.length());
        }
        return rows;
    }
}
