package io.alloytop.alloy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * Turns a response body into text fit for a one-line message: control characters removed,
 * whitespace collapsed, cut short, and the configured secrets masked in case a proxy or a
 * misconfigured server echoes request headers back.
 */
final class Excerpt {
    static final int DEFAULT_MAX = 200;

    private final List<String> secrets = new ArrayList<>();

    Excerpt(ConnectionSettings s) {
        addSecret(s.password());
        addSecret(s.bearerToken());
        if (s.username() != null && s.password() != null) {
            addSecret(Base64.getEncoder().encodeToString(
                    (s.username() + ":" + s.password()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void addSecret(String v) {
        // very short secrets would mask ordinary words; they are still never printed by us
        if (v != null && v.length() >= 4) secrets.add(v);
    }

    String of(String body) {
        return of(body, DEFAULT_MAX);
    }

    String of(String body, int max) {
        if (body == null) return "";
        String t = body;
        for (String s : secrets) t = t.replace(s, "***");
        StringBuilder sb = new StringBuilder(Math.min(t.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                if (Character.isWhitespace(cp)) space = sb.length() > 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE) continue;
            if (sb.length() >= max) return sb.append('…').toString();
            if (space) sb.append(' ');
            space = false;
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
