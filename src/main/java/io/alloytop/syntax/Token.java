package io.alloytop.syntax;

/** One scanned token; {@code lit} is the source text for literals, identifiers and comments. */
public record Token(TokenKind kind, Pos pos, String lit) {}
