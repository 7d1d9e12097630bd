package io.alloytop.logs;

import java.util.Locale;

/** Log levels as Alloy writes them (lowercase in text); UNKNOWN for lines that carry none. */
public enum Level {
    DEBUG, INFO, WARN, ERROR, UNKNOWN;

    public static Level parse(String s) {
        if (s == null) return UNKNOWN;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "debug": return DEBUG;
            case "info": return INFO;
            case "warn": case "warning": return WARN;
            case "error": case "err": case "fatal": case "panic": return ERROR;
            default: return UNKNOWN;
        }
    }

    /** Whether this entry passes a minimum-level filter; UNKNOWN always passes (it may be a panic). */
    public boolean atLeast(Level min) {
        return this == UNKNOWN || min == UNKNOWN || ordinal() >= min.ordinal();
    }
}
