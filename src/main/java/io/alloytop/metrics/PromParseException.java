package io.alloytop.metrics;

/**
 * TEMPORARY stand-in on branch `client` until the metrics helper's parser lands; replaced
 * wholesale by theirs on merge.
 */
public final class PromParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public PromParseException(String message) {
        super(message);
    }
}
