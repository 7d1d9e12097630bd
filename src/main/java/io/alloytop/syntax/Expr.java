package io.alloytop.syntax;

import java.util.List;

/** Expressions (facts §9 grammar). Literal values keep their source text; decoding is the caller's choice. */
public sealed interface Expr {
    Pos start();

    record Identifier(String name, Pos start) implements Expr {}

    /** kind is STRING, NUMBER, FLOAT, BOOL or NULL; raw is the source text, quotes included. */
    record Literal(TokenKind kind, String raw, Pos start) implements Expr {}

    record Array(List<Expr> elements, Pos start) implements Expr {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    record Field(String name, boolean quoted, Expr value) {}

    record ObjectExpr(List<Field> fields, Pos start) implements Expr {
        public ObjectExpr {
            fields = List.copyOf(fields);
        }
    }

    record Access(Expr value, String name, Pos start) implements Expr {}

    record Index(Expr value, Expr index, Pos start) implements Expr {}

    record Call(Expr function, List<Expr> args, Pos start) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Unary(TokenKind op, Expr value, Pos start) implements Expr {}

    record Binary(TokenKind op, Expr left, Expr right, Pos start) implements Expr {}

    record Paren(Expr inner, Pos start) implements Expr {}
}
