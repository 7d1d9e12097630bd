package io.alloytop.logs;

import java.time.Instant;
import java.util.Map;

/**
 * One parsed log entry. Text fields are raw (unsanitised): sanitise at the edge where they are
 * drawn or printed, with {@link io.alloytop.text.Sanitizer}.
 *
 * @param time      the entry's time (from ts=, else the journal's timestamp, else arrival)
 * @param level     from the text's level= (journald's PRIORITY is always 6 for Alloy)
 * @param component component_id, else node_id, else service; "" when none
 * @param message   msg=, or the whole line when it is neither logfmt nor JSON
 * @param fields    the other key/value pairs, in line order
 * @param kind      an ordinary line, a systemd event about the unit, or a notice from alloytop
 * @param truncated true when the source cut the text (journald's 4096-byte JSON limit)
 * @param cursor    the journal cursor, for resuming; null for other sources
 */
public record LogEntry(Instant time, Level level, String component, String message, Map<String, String> fields,
                       Kind kind, boolean truncated, String cursor) {
    public enum Kind { LINE, SYSTEMD_EVENT, RESTART, NOTICE }
}
