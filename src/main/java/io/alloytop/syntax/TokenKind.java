package io.alloytop.syntax;

/** Token kinds; {@link #text} is what Alloy prints in "expected X, got Y" messages. */
public enum TokenKind {
    ILLEGAL("ILLEGAL"), EOF("EOF"), COMMENT("COMMENT"),
    IDENT("IDENT"), NUMBER("NUMBER"), FLOAT("FLOAT"), STRING("STRING"), BOOL("BOOL"), NULL("NULL"),
    OR("||"), AND("&&"), NOT("!"), ASSIGN("="), EQ("=="), NEQ("!="),
    LT("<"), LTE("<="), GT(">"), GTE(">="),
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("^"),
    LCURLY("{"), RCURLY("}"), LPAREN("("), RPAREN(")"), LBRACK("["), RBRACK("]"),
    COMMA(","), DOT("."), TERMINATOR("TERMINATOR");

    public final String text;

    TokenKind(String text) {
        this.text = text;
    }

    /** Binary operator precedence (1 = loosest); 0 for tokens that are not binary operators. */
    public int precedence() {
        switch (this) {
            case OR: return 1;
            case AND: return 2;
            case EQ: case NEQ: case LT: case LTE: case GT: case GTE: return 3;
            case ADD: case SUB: return 4;
            case MUL: case DIV: case MOD: return 5;
            case POW: return 6;
            default: return 0;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
