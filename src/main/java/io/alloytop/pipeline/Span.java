package io.alloytop.pipeline;

/** A run of text in one style; the UI maps styles to theme colours. */
public record Span(String text, Style style) {
    public enum Style { HEADER, NODE_OK, NODE_BAD, NODE_WARN, EDGE, RATE, RATE_ZERO, DIM }
}
