package io.alloytop.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The `/` filter: whitespace-separated tokens, all must match. {@code health:unhealthy} (also
 * {@code health:bad} for anything not healthy), {@code module:x} ({@code module:root} for the root
 * config), {@code type:x}; any other token is a case-insensitive substring of ID, type, module or message.
 */
public final class RowFilter {
    private RowFilter() {}

    public static Predicate<ComponentRow> parse(String text) {
        List<Predicate<ComponentRow>> parts = new ArrayList<>();
        for (String raw : text.trim().split("\\s+")) {
            if (raw.isEmpty()) continue;
            String t = raw.toLowerCase(Locale.ROOT);
            if (t.startsWith("health:")) {
                String v = t.substring(7);
                parts.add(r -> v.equals("bad") ? r.health().isBad() : r.health().label().startsWith(v));
            } else if (t.startsWith("module:")) {
                String v = t.substring(7);
                parts.add(r -> v.equals("root") ? r.module().isEmpty() : r.module().toLowerCase(Locale.ROOT).contains(v));
            } else if (t.startsWith("type:")) {
                String v = t.substring(5);
                parts.add(r -> r.type().toLowerCase(Locale.ROOT).contains(v));
            } else {
                parts.add(r -> contains(r.globalId(), t) || contains(r.type(), t) || contains(r.message(), t));
            }
        }
        return r -> {
            for (Predicate<ComponentRow> p : parts) if (!p.test(r)) return false;
            return true;
        };
    }

    private static boolean contains(String hay, String needle) {
        return hay.toLowerCase(Locale.ROOT).contains(needle);
    }
}
