package io.alloytop.cli;

/** A problem with what the user asked for; printed as one line, never with a stack trace. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message, null, false, false);
    }
}
