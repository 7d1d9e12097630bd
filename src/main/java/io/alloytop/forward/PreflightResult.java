package io.alloytop.forward;

/** What calling one endpoint with the credentials told us. */
public record PreflightResult(Kind kind, String message) {
    public enum Kind { OK, UNREACHABLE, CREDENTIALS_REFUSED, ERROR }

    public boolean ok() {
        return kind == Kind.OK;
    }
}
