package io.alloytop.metrics;

/**
 * A /metrics body that is not valid text exposition 0.0.4. Line and column are 1-based; the column
 * counts bytes, not characters, because the parser never decodes the line as a whole. Both are 0
 * when the problem is the body as a whole (too large).
 */
public final class PromParseException extends Exception {
    private final int line;
    private final int column;
    private final String reason;

    public PromParseException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** A problem with the body as a whole rather than a position in it. */
    public PromParseException(String reason) {
        super(reason);
        this.line = 0;
        this.column = 0;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }

    // Thrown for bad input, which callers turn into a value; a stack trace would never be shown.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
