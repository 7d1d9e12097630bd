package io.alloytop.alloy;

import java.util.Locale;

/** Alloy's four component health states, ordered least healthy first (Alloy's own precedence). */
public enum HealthState {
    EXITED, UNHEALTHY, UNKNOWN, HEALTHY;

    /** Unrecognised strings map to UNKNOWN: the JSON API is unstable and may grow states. */
    public static HealthState parse(String s) {
        if (s == null) return UNKNOWN;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "healthy": return HEALTHY;
            case "unhealthy": return UNHEALTHY;
            case "exited": return EXITED;
            default: return UNKNOWN;
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isBad() {
        return this != HEALTHY;
    }
}
