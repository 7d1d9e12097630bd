package io.alloytop.ui.model;

import io.alloytop.text.Sanitizer;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A component as the table shows it: sanitised once per snapshot, health time parsed once. */
public record ComponentRow(Component component, String globalId, String id, String type, String module,
                           HealthState health, String message, Instant updated) {

    public static ComponentRow of(Component c) {
        return new ComponentRow(c, c.globalID(), Sanitizer.line(c.localID()), Sanitizer.line(c.name()),
                Sanitizer.line(c.moduleID()), c.health().state(), Sanitizer.line(c.health().message()),
                parseTime(c.health().updatedTime()));
    }

    /** RFC3339Nano with any UTC offset; Go's zero time (year 1) and garbage mean "unknown". */
    public static Instant parseTime(String s) {
        if (s == null || s.isEmpty()) return null;
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            return t.getYear() <= 1 ? null : t.toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
