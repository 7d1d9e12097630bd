package io.alloytop.syntax;

/** Identifier rules shared by the scanner, block labels and the config generator. */
public final class Identifiers {
    private Identifiers() {}

    /** A letter (Unicode letter or _) followed by letters or Unicode digits; keywords excluded. */
    public static boolean isValid(String s) {
        if (s == null || s.isEmpty()) return false;
        if (s.equals("true") || s.equals("false") || s.equals("null")) return false;
        int first = s.codePointAt(0);
        if (!Lexer.isLetter(first)) return false;
        for (int i = Character.charCount(first); i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!Lexer.isLetter(c) && !Lexer.isDigit(c)) return false;
            i += Character.charCount(c);
        }
        return true;
    }
}
