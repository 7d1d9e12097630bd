package io.alloytop.ui.model;

import java.util.Comparator;
import java.util.Locale;

/** Table columns that can be sorted on; the name is what `:sort NAME` accepts. */
public enum SortColumn {
    HEALTH, ID, TYPE, MODULE, AGE, MESSAGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SortColumn parse(String s) {
        for (SortColumn c : values()) if (c.label().startsWith(s.toLowerCase(Locale.ROOT)) && !s.isEmpty()) return c;
        return null;
    }

    public SortColumn next() {
        return values()[(ordinal() + 1) % values().length];
    }

    Comparator<ComponentRow> comparator() {
        Comparator<ComponentRow> byId = Comparator.comparing(ComponentRow::globalId);
        switch (this) {
            case HEALTH: return Comparator.comparing(ComponentRow::health).thenComparing(byId);
            case ID: return Comparator.comparing(ComponentRow::id).thenComparing(ComponentRow::module);
            case TYPE: return Comparator.comparing(ComponentRow::type).thenComparing(byId);
            case MODULE: return Comparator.comparing(ComponentRow::module).thenComparing(ComponentRow::id);
            // most recent change first: that is what "age" sorting is for at 3 a.m.
            case AGE: return Comparator.comparing(ComponentRow::updated,
                    Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder())).thenComparing(byId);
            default: return Comparator.comparing(ComponentRow::message).thenComparing(byId);
        }
    }
}
