package io.alloytop.forward;

/** How the generated config obtains one value; a secret is only ever referenced, never written inline. */
public sealed interface ValueRef {
    /** The Alloy expression for the value. */
    String expression();

    /** {@code sys.env("NAME")}: Alloy's own environment holds the value. */
    record Env(String name) implements ValueRef {
        public String expression() {
            return "sys.env(" + AlloyText.quote(name) + ")";
        }
    }

    /** A non-secret value (URL, instance ID) written as a string literal. */
    record Literal(String value) implements ValueRef {
        public String expression() {
            return AlloyText.quote(value);
        }
    }

    /** The content of a {@code local.file} component with {@code is_secret = true}. */
    record SecretFile(String componentLabel) implements ValueRef {
        public String expression() {
            return "local.file." + componentLabel + ".content";
        }
    }
}
