package io.alloytop.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Alloy scanner (facts §9): UTF-8 bytes in, tokens out, with Go-style automatic terminators.
 * Errors are collected as diagnostics and scanning goes on, so one pass reports several problems.
 */
public final class Lexer {
    private static final int EOF_CH = -1;
    private static final int BOM = 0xFEFF;

    private final String file;
    private final byte[] src;
    private final List<Diagnostic> diags;
    private final int[] lineStarts;

    private int ch;
    private int offset;
    private int readOffset;
    private boolean insertTerm;

    public Lexer(String file, byte[] src, List<Diagnostic> diags) {
        this.file = file;
        this.src = src;
        this.diags = diags;
        this.lineStarts = lineStarts(src);
        next();
        if (ch == BOM) next();
    }

    private static int[] lineStarts(byte[] src) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < src.length; i++) {
            if (src[i] == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** Line and byte column of an offset. */
    public Pos pos(int off) {
        int idx = Arrays.binarySearch(lineStarts, off);
        if (idx < 0) idx = -idx - 2;
        return new Pos(off, idx + 1, off - lineStarts[idx] + 1);
    }

    private void error(int off, String msg) {
        diags.add(new Diagnostic(file, pos(off), msg));
    }

    private void next() {
        if (readOffset >= src.length) {
            offset = src.length;
            ch = EOF_CH;
            return;
        }
        offset = readOffset;
        int b = src[readOffset] & 0xFF;
        int r = b, width = 1;
        if (b == 0) {
            error(offset, "illegal character NUL");
        } else if (b >= 0x80) {
            long d = Utf8.decode(src, readOffset);
            r = Utf8.rune(d);
            width = Utf8.width(d);
            if (r == Utf8.RUNE_ERROR && width == 1) {
                error(offset, "illegal UTF-8 encoding");
            } else if (r == BOM && offset > 0) {
                error(offset, "illegal byte order mark");
            }
        }
        readOffset += width;
        ch = r;
    }

    private int peekByte() {
        return readOffset < src.length ? src[readOffset] & 0xFF : 0;
    }

    /** Scans every token up to and including EOF, dropping comments. */
    public List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = scan();
            if (t.kind() == TokenKind.COMMENT) continue;
            out.add(t);
            if (t.kind() == TokenKind.EOF) return out;
        }
    }

    public Token scan() {
        while (true) {
            skipWhitespace();
            int start = offset;
            boolean term = false;
            TokenKind kind;
            String lit = "";
            int c = ch;
            if (isLetter(c)) {
                lit = scanIdentifier();
                kind = keyword(lit);
                term = true;
            } else if (isDecimal(c) || (c == '.' && isDecimal(peekByte()))) {
                term = true;
                kind = scanNumber();
                lit = text(start, offset);
            } else {
                next();
                switch (c) {
                    case EOF_CH:
                        if (insertTerm) {
                            insertTerm = false;
                            return new Token(TokenKind.TERMINATOR, pos(start), "\n");
                        }
                        kind = TokenKind.EOF;
                        break;
                    case '\n':
                        insertTerm = false;
                        return new Token(TokenKind.TERMINATOR, pos(start), "\n");
                    case '\'':
                        error(start, "illegal single-quoted string; use double quotes");
                        term = true;
                        kind = TokenKind.ILLEGAL;
                        lit = scanString(start, '\'', true, false);
                        break;
                    case '"':
                        term = true;
                        kind = TokenKind.STRING;
                        lit = scanString(start, '"', true, false);
                        break;
                    case '`':
                        term = true;
                        kind = TokenKind.STRING;
                        lit = scanString(start, '`', false, true);
                        break;
                    case '|':
                        if (ch != '|') error(offset, "missing second | in ||");
                        else next();
                        kind = TokenKind.OR;
                        break;
                    case '&':
                        if (ch != '&') error(offset, "missing second & in &&");
                        else next();
                        kind = TokenKind.AND;
                        break;
                    case '!': kind = twoChar(TokenKind.NOT, TokenKind.NEQ); break;
                    case '=': kind = twoChar(TokenKind.ASSIGN, TokenKind.EQ); break;
                    case '<': kind = twoChar(TokenKind.LT, TokenKind.LTE); break;
                    case '>': kind = twoChar(TokenKind.GT, TokenKind.GTE); break;
                    case '+': kind = TokenKind.ADD; break;
                    case '-': kind = TokenKind.SUB; break;
                    case '*': kind = TokenKind.MUL; break;
                    case '/':
                        if (ch == '/' || ch == '*') {
                            // A pending terminator goes before a comment that runs to the end of the
                            // line; the comment is then scanned again on the next call.
                            if (insertTerm && commentRunsToLineEnd(start)) {
                                ch = '/';
                                offset = start;
                                readOffset = start + 1;
                                insertTerm = false;
                                return new Token(TokenKind.TERMINATOR, pos(start), "\n");
                            }
                            lit = scanComment(start);
                            insertTerm = false;
                            return new Token(TokenKind.COMMENT, pos(start), lit);
                        }
                        kind = TokenKind.DIV;
                        break;
                    case '%': kind = TokenKind.MOD; break;
                    case '^': kind = TokenKind.POW; break;
                    case '{': kind = TokenKind.LCURLY; break;
                    case '}': term = true; kind = TokenKind.RCURLY; break;
                    case '(': kind = TokenKind.LPAREN; break;
                    case ')': term = true; kind = TokenKind.RPAREN; break;
                    case '[': kind = TokenKind.LBRACK; break;
                    case ']': term = true; kind = TokenKind.RBRACK; break;
                    case ',': kind = TokenKind.COMMA; break;
                    case '.': kind = TokenKind.DOT; break;
                    default:
                        // next() already reported a misplaced BOM or a NUL (Go's scanner says NUL twice)
                        if (c != BOM && c != 0) error(start, "illegal character " + describe(c));
                        term = insertTerm;
                        kind = TokenKind.ILLEGAL;
                        lit = new String(Character.toChars(c < 0 ? 0xFFFD : c));
                }
            }
            insertTerm = term;
            return new Token(kind, pos(start), lit);
        }
    }

    private String text(int from, int to) {
        return new String(src, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static TokenKind keyword(String lit) {
        switch (lit) {
            case "true": case "false": return TokenKind.BOOL;
            case "null": return TokenKind.NULL;
            default: return TokenKind.IDENT;
        }
    }

    private TokenKind twoChar(TokenKind one, TokenKind two) {
        if (ch == '=') {
            next();
            return two;
        }
        return one;
    }

    private void skipWhitespace() {
        while (ch == ' ' || ch == '\t' || ch == '\r' || (ch == '\n' && !insertTerm)) next();
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c >= 0x80 && Character.isLetter(c));
    }

    static boolean isDecimal(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isDigit(int c) {
        return isDecimal(c) || (c >= 0x80 && Character.isDigit(c));
    }

    private String scanIdentifier() {
        int start = offset;
        while (isLetter(ch) || isDigit(ch)) next();
        return text(start, offset);
    }

    private TokenKind scanNumber() {
        int start = offset;
        TokenKind kind = TokenKind.NUMBER;
        if (ch != '.') digits();
        if (ch == '.') {
            kind = TokenKind.FLOAT;
            next();
            digits();
        }
        if (ch == 'e' || ch == 'E') {
            kind = TokenKind.FLOAT;
            next();
            if (ch == '+' || ch == '-') next();
            if (digits() == 0) error(start, "exponent has no digits");
        }
        return kind;
    }

    private int digits() {
        int n = 0;
        while (isDecimal(ch)) {
            next();
            n++;
        }
        return n;
    }

    private String scanString(int start, int quote, boolean escapes, boolean multiline) {
        while (true) {
            int c = ch;
            if ((!multiline && c == '\n') || c == EOF_CH) {
                error(start, "string literal not terminated");
                break;
            }
            next();
            if (c == quote) break;
            if (escapes && c == '\\') scanEscape();
        }
        return text(start, offset);
    }

    /** Called with the character after the backslash current; errors point at that character, as Alloy's do. */
    private void scanEscape() {
        int start = offset;
        int n;
        int base;
        int max;
        switch (ch) {
            case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\': case '"':
                next();
                return;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                n = 3; base = 8; max = 255;
                break;
            case 'x': next(); n = 2; base = 16; max = 255; break;
            case 'u': next(); n = 4; base = 16; max = Character.MAX_CODE_POINT; break;
            case 'U': next(); n = 8; base = 16; max = Character.MAX_CODE_POINT; break;
            default:
                // `\'` lands here on purpose: Alloy's scanner rejects it although its docs list it.
                error(start, ch == EOF_CH ? "escape sequence not terminated" : "unknown escape sequence");
                return;
        }
        long x = 0;
        for (; n > 0; n--) {
            int d = digitVal(ch);
            if (d >= base) {
                error(start, ch == EOF_CH ? "escape sequence not terminated"
                        : "illegal character " + describe(ch) + " in escape sequence");
                return;
            }
            x = x * base + d;
            next();
        }
        if (x > max || (x >= 0xD800 && x < 0xE000)) error(start, "escape sequence is invalid Unicode code point");
    }

    private static int digitVal(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return 16;
    }

    private String scanComment(int start) {
        if (ch == '/') {
            while (ch != '\n' && ch != EOF_CH) next();
            return stripFinalCr(text(start, offset));
        }
        next();
        while (ch != EOF_CH) {
            int c = ch;
            next();
            if (c == '*' && ch == '/') {
                next();
                return text(start, offset);
            }
        }
        error(start, "block comment not terminated");
        return text(start, offset);
    }

    private static String stripFinalCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Looks ahead (bytes only, no state change) from a comment at {@code start}: does this run of
     * comments reach the end of the line, so a terminator belongs before it?
     */
    private boolean commentRunsToLineEnd(int start) {
        int i = start;
        while (i + 1 < src.length && src[i] == '/' && (src[i + 1] == '/' || src[i + 1] == '*')) {
            if (src[i + 1] == '/') return true;
            i += 2;
            boolean closed = false;
            while (i < src.length) {
                if (src[i] == '\n') return true;
                if (src[i] == '*' && i + 1 < src.length && src[i + 1] == '/') {
                    i += 2;
                    closed = true;
                    break;
                }
                i++;
            }
            if (!closed) return true;
            while (i < src.length && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r')) i++;
            if (i >= src.length || src[i] == '\n') return true;
        }
        return false;
    }

    /** Go's %#U: {@code U+0041 'A'}, or just {@code U+0000} for unprintable characters. */
    static String describe(int c) {
        String hex = String.format("U+%04X", c);
        if (c < 0x20 || c == 0x7F || Character.isISOControl(c) || !Character.isDefined(c)
                || Character.getType(c) == Character.FORMAT || Character.isWhitespace(c) && c != ' ') {
            return hex;
        }
        return hex + " '" + new String(Character.toChars(c)) + "'";
    }
}
