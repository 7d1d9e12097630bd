package io.alloytop.problems;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Alloy's health timestamps are Go time.Time JSON: RFC3339Nano with the process's own UTC offset. */
final class Times {
    private Times() {}

    /** The instant, or null when empty, unparseable, or Go's zero time (a foreach not yet evaluated). */
    static Instant parse(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty() || rfc3339.startsWith("0001-01-01")) return null;
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
