package io.alloytop.logs;

/**
 * Which lines a view shows. Notices, systemd events and restart markers always pass: they are the
 * context that explains the lines around them.
 *
 * @param minLevel  lines below it are hidden; UNKNOWN-level lines (panics, plain text) always pass
 * @param component "" for all; otherwise this component id and, for modules, the ones under it
 *                  ({@code id/...})
 */
public record LogFilter(Level minLevel, String component) {
    public static final LogFilter ALL = new LogFilter(Level.UNKNOWN, "");

    public LogFilter {
        minLevel = minLevel == null ? Level.UNKNOWN : minLevel;
        component = component == null ? "" : component;
    }

    public LogFilter withMinLevel(Level level) {
        return new LogFilter(level, component);
    }

    public LogFilter withComponent(String id) {
        return new LogFilter(minLevel, id);
    }

    public boolean matches(LogEntry e) {
        if (e.kind() != LogEntry.Kind.LINE) return true;
        if (!e.level().atLeast(minLevel)) return false;
        if (component.isEmpty()) return true;
        String c = e.component();
        return c.equals(component) || (c.length() > component.length() && c.startsWith(component)
                && c.charAt(component.length()) == '/');
    }
}
