package io.alloytop.ui.model;

/**
 * A secret typed into the UI (the Grafana Cloud API key). Immutable like the rest of the state,
 * but its text never leaves through toString, so a logged state, event or command cannot leak it.
 */
public final class SecretInput {
    public static final SecretInput EMPTY = new SecretInput("");

    private final String value;

    private SecretInput(String value) {
        this.value = value;
    }

    public SecretInput append(char c) {
        return new SecretInput(value + c);
    }

    public SecretInput backspace() {
        return value.isEmpty() ? this : new SecretInput(value.substring(0, value.length() - 1));
    }

    public int length() {
        return value.length();
    }

    public boolean isEmpty() {
        return value.isBlank();
    }

    /** Only the effect that hands the key to the forward session calls this. */
    public String reveal() {
        return value.strip();
    }

    @Override
    public String toString() {
        return "SecretInput[hidden]";
    }
}
