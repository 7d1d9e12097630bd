package io.alloytop.pprof;

/**
 * The bytes are not a readable pprof profile: not gzip, cut short, or not the protobuf layout
 * pprof writes. The message is meant for a user as is; no stack trace ever needs to be shown.
 */
public final class PprofFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PprofFormatException(String message) {
        super(message, null, false, false);
    }
}
