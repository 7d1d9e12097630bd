package io.alloytop.alloy;

/** Why a call to Alloy did not give a usable answer, with a message fit to show a user as is. */
public record Failure(Kind kind, String message) {
    public enum Kind {
        REFUSED, TIMEOUT, DNS, TLS, AUTH, HTTP_STATUS, NOT_ALLOY, NOT_SUPPORTED, BAD_RESPONSE, TOO_LARGE, IO
    }

    public Failure {
        message = message == null ? kind.name() : message;
    }
}
