package io.alloytop.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Alloy grammar (facts §9) as a recursive-descent parser that keeps going after an error, so a
 * file yields every problem Alloy itself would list. Recovery follows Alloy's: skip to the next
 * terminator or identifier, and report at most one parser error per line.
 */
public final class Parser {
    /** Deeper nesting than this is surely not a config; refusing it keeps the Java stack safe. */
    static final int MAX_DEPTH = 500;

    private static final Set<TokenKind> STATEMENT_END = EnumSet.of(
            TokenKind.TERMINATOR, TokenKind.RPAREN, TokenKind.RCURLY, TokenKind.RBRACK, TokenKind.COMMA);

    private final String file;
    private final Lexer lexer;
    private final List<Diagnostic> diags = new ArrayList<>();
    private int lastErrorLine;
    private int depth;

    private Token tok;

    private Parser(String file, byte[] src) {
        this.file = file;
        this.lexer = new Lexer(file, src, diags);
        next();
    }

    /** Parses a whole file; never throws. */
    public static AlloyFile parse(String file, byte[] src) {
        Parser p = new Parser(file, src);
        List<Stmt> body;
        try {
            body = p.parseBody(TokenKind.EOF);
        } catch (TooDeep e) {
            body = List.of();
        }
        List<Diagnostic> sorted = new ArrayList<>(p.diags);
        sorted.sort(Comparator.comparingInt(d -> d.pos().offset()));
        return new AlloyFile(file, body, sorted);
    }

    public static AlloyFile parse(String file, String src) {
        return parse(file, src.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            diags.add(new Diagnostic(file, tok.pos(), "nesting deeper than " + MAX_DEPTH + " levels"));
            throw new TooDeep();
        }
    }

    private void next() {
        do {
            tok = lexer.scan();
        } while (tok.kind() == TokenKind.COMMENT);
    }

    private TokenKind kind() {
        return tok.kind();
    }

    private void error(String msg) {
        Pos pos = tok.pos();
        if (pos.line() == lastErrorLine) return;
        lastErrorLine = pos.line();
        diags.add(new Diagnostic(file, pos, msg));
    }

    private Token expect(TokenKind want) {
        Token t = tok;
        if (t.kind() != want) error("expected " + want + ", got " + t.kind());
        next();
        return t;
    }

    private void advanceTo(TokenKind to) {
        while (kind() != TokenKind.EOF && kind() != to) next();
    }

    private void advanceToAny(Set<TokenKind> to) {
        while (kind() != TokenKind.EOF && !to.contains(kind())) next();
    }

    private List<Stmt> parseBody(TokenKind until) {
        List<Stmt> body = new ArrayList<>();
        while (kind() != until && kind() != TokenKind.EOF) {
            Stmt s = parseStatement();
            if (s != null) body.add(s);
            if (kind() == until) break;
            if (kind() != TokenKind.TERMINATOR) {
                error("expected " + TokenKind.TERMINATOR + ", got " + kind());
                consumeStatement();
            }
            next();
        }
        return body;
    }

    /** Skips the rest of a statement: up to a terminator outside any open bracket. */
    private void consumeStatement() {
        int curly = 0, brack = 0, paren = 0;
        while (kind() != TokenKind.EOF) {
            switch (kind()) {
                case LCURLY: curly++; break;
                case RCURLY: curly--; break;
                case LBRACK: brack++; break;
                case RBRACK: brack--; break;
                case LPAREN: paren++; break;
                case RPAREN: paren--; break;
                default: break;
            }
            if (kind() == TokenKind.TERMINATOR && curly <= 0 && brack <= 0 && paren <= 0) return;
            next();
        }
    }

    private Stmt parseStatement() {
        Pos start = tok.pos();
        if (kind() != TokenKind.IDENT) {
            error("expected identifier, got " + kind());
            advanceTo(TokenKind.IDENT);
            return null;
        }
        List<String> parts = new ArrayList<>();
        parts.add(tok.lit());
        next();
        while (kind() == TokenKind.DOT) {
            next();
            if (kind() != TokenKind.IDENT) error("expected identifier, got " + kind());
            parts.add(tok.lit());
            next();
        }
        String label = "";
        Pos labelPos = null;
        if (kind() != TokenKind.ASSIGN && kind() != TokenKind.LCURLY) {
            if (kind() == TokenKind.STRING) {
                String lit = tok.lit();
                if (lit.charAt(0) != '"') {
                    error("expected block label to be a double quoted string, but got " + goQuote(lit));
                }
                if (lit.length() > 2) {
                    label = lit.substring(1, lit.length() - 1);
                    if (!Identifiers.isValid(label)) {
                        error("expected block label to be a valid identifier, but got " + goQuote(label));
                    }
                }
                labelPos = tok.pos();
            } else {
                error("expected block label, got " + kind());
            }
            next();
        }

        switch (kind()) {
            case ASSIGN: {
                next();
                if (parts.size() != 1) {
                    diags.add(new Diagnostic(file, start,
                            "attribute names may only consist of a single identifier with no \".\""));
                } else if (labelPos != null) {
                    diags.add(new Diagnostic(file, labelPos, "attribute names may not have labels"));
                }
                return new Stmt.Attribute(parts.get(0), start, parseExpression());
            }
            case LCURLY: {
                enter();
                next();
                List<Stmt> body = parseBody(TokenKind.RCURLY);
                Token close = tok;
                expect(TokenKind.RCURLY);
                depth--;
                int end = close.kind() == TokenKind.RCURLY ? close.pos().offset() + 1 : close.pos().offset();
                return new Stmt.Block(parts, label, start, labelPos, body, end);
            }
            default:
                if (parts.size() == 1 && label.isEmpty()) {
                    error("expected attribute assignment or block body, got " + kind());
                } else {
                    error("expected block body, got " + kind());
                }
                advanceTo(TokenKind.IDENT);
                return null;
        }
    }

    private Expr parseExpression() {
        enter();
        Expr e = parseBinary(1);
        depth--;
        return e;
    }

    private Expr parseBinary(int minPrec) {
        Expr lhs = parsePow();
        while (true) {
            TokenKind op = kind();
            int prec = op.precedence();
            if (prec < minPrec) return lhs;
            Pos pos = tok.pos();
            next();
            Expr rhs = parseBinary(prec + 1);
            lhs = new Expr.Binary(op, lhs, rhs, pos);
        }
    }

    private Expr parsePow() {
        Expr lhs = parseUnary();
        if (kind() == TokenKind.POW) {
            Pos pos = tok.pos();
            next();
            enter();
            Expr rhs = parsePow();
            depth--;
            return new Expr.Binary(TokenKind.POW, lhs, rhs, pos);
        }
        return lhs;
    }

    private Expr parseUnary() {
        if (kind() == TokenKind.NOT || kind() == TokenKind.SUB) {
            TokenKind op = kind();
            Pos pos = tok.pos();
            next();
            enter();
            Expr v = parseUnary();
            depth--;
            return new Expr.Unary(op, v, pos);
        }
        Expr primary = parsePrimary();
        while (true) {
            switch (kind()) {
                case DOT: {
                    next();
                    Token name = expect(TokenKind.IDENT);
                    primary = new Expr.Access(primary, name.lit(), name.pos());
                    break;
                }
                case LBRACK: {
                    Pos pos = expect(TokenKind.LBRACK).pos();
                    Expr index = parseExpression();
                    expect(TokenKind.RBRACK);
                    primary = new Expr.Index(primary, index, pos);
                    break;
                }
                case LPAREN: {
                    Pos pos = expect(TokenKind.LPAREN).pos();
                    List<Expr> args = kind() != TokenKind.RPAREN ? parseExpressionList(TokenKind.RPAREN) : List.of();
                    expect(TokenKind.RPAREN);
                    primary = new Expr.Call(primary, args, pos);
                    break;
                }
                case STRING:
                case LCURLY: {
                    // Someone wrote a block where a value belongs; parse it as a block to say so.
                    if (kind() == TokenKind.STRING) next();
                    if (expect(TokenKind.LCURLY).kind() != TokenKind.LCURLY) {
                        consumeStatement();
                        return primary;
                    }
                    enter();
                    parseBody(TokenKind.RCURLY);
                    depth--;
                    if (expect(TokenKind.RCURLY).kind() != TokenKind.RCURLY) {
                        consumeStatement();
                        return primary;
                    }
                    diags.add(new Diagnostic(file, primary.start(), "cannot use a block as an expression"));
                    break;
                }
                default:
                    return primary;
            }
        }
    }

    private Expr parsePrimary() {
        Token t = tok;
        switch (t.kind()) {
            case IDENT:
                next();
                return new Expr.Identifier(t.lit(), t.pos());
            case STRING: case NUMBER: case FLOAT: case BOOL: case NULL:
                next();
                return new Expr.Literal(t.kind(), t.lit(), t.pos());
            case LPAREN: {
                next();
                Expr inner = parseExpression();
                expect(TokenKind.RPAREN);
                return new Expr.Paren(inner, t.pos());
            }
            case LBRACK: {
                next();
                List<Expr> elems = kind() != TokenKind.RBRACK ? parseExpressionList(TokenKind.RBRACK) : List.of();
                expect(TokenKind.RBRACK);
                return new Expr.Array(elems, t.pos());
            }
            case LCURLY: {
                next();
                List<Expr.Field> fields = parseFieldList();
                expect(TokenKind.RCURLY);
                return new Expr.ObjectExpr(fields, t.pos());
            }
            default:
                error("expected expression, got " + t.kind());
                advanceToAny(STATEMENT_END);
                return new Expr.Literal(TokenKind.NULL, "null", t.pos());
        }
    }

    private List<Expr> parseExpressionList(TokenKind until) {
        List<Expr> out = new ArrayList<>();
        while (kind() != until && kind() != TokenKind.EOF) {
            out.add(parseExpression());
            if (kind() == until) break;
            if (kind() != TokenKind.COMMA) error("missing ',' in expression list");
            next();
        }
        return out;
    }

    private List<Expr.Field> parseFieldList() {
        List<Expr.Field> out = new ArrayList<>();
        while (kind() != TokenKind.RCURLY && kind() != TokenKind.EOF) {
            out.add(parseField());
            if (kind() == TokenKind.RCURLY) break;
            if (kind() != TokenKind.COMMA) error("missing ',' in field list");
            next();
        }
        return out;
    }

    private Expr.Field parseField() {
        String name = "";
        boolean quoted = false;
        if (kind() == TokenKind.STRING || kind() == TokenKind.IDENT) {
            name = tok.lit();
            if (kind() == TokenKind.STRING && name.length() > 2) {
                name = name.substring(1, name.length() - 1);
                quoted = true;
            }
            next();
        } else {
            error("expected field name (string or identifier), got " + kind());
            advanceTo(TokenKind.ASSIGN);
        }
        expect(TokenKind.ASSIGN);
        return new Expr.Field(name, quoted, parseExpression());
    }

    /** Go's %q for the strings we quote in messages (labels are short, mostly ASCII). */
    static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') sb.append('\\').appendCodePoint(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c == 0x7F) sb.append(String.format("\\x%02x", c));
            else sb.appendCodePoint(c);
        });
        return sb.append('"').toString();
    }
}
