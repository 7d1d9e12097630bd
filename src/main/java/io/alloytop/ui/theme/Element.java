package io.alloytop.ui.theme;

import java.util.Locale;

/**
 * Every themable part of the screen. The theme file key is the lower-case name with dots,
 * e.g. {@code HEALTH_UNHEALTHY} is {@code health.unhealthy.fg}.
 */
public enum Element {
    BASE, HEADER, HEADER_TITLE, HEADER_LABEL, HEADER_VALUE, OK, WARN, ERROR, STALE,
    BORDER, DIM, TABLE_HEADER, TABLE_SELECTED, TABLE_SELECTED_INACTIVE,
    HEALTH_HEALTHY, HEALTH_UNHEALTHY, HEALTH_UNKNOWN, HEALTH_EXITED,
    SPARK_CPU, SPARK_MEM, SPARK_HOST,
    FOOTER, FOOTER_KEY, INPUT, MESSAGE,
    DETAIL_SECTION, DETAIL_KEY, DETAIL_VALUE, DETAIL_SECRET,
    HELP, HELP_KEY, LOGS;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public static Element byKey(String key) {
        for (Element e : values()) if (e.key().equals(key)) return e;
        return null;
    }
}
