package io.alloytop.forward;

import java.util.List;

/** Replaces secret values with "(secret)" in anything alloytop is about to show or log. */
public final class Redactor {
    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    public String scrub(String s) {
        if (s == null) return "";
        String out = s;
        for (String secret : secrets) out = out.replace(secret, "(secret)");
        return out;
    }
}
