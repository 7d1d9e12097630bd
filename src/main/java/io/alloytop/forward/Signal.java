package io.alloytop.forward;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What Alloy can send about itself. */
public enum Signal {
    METRICS, LOGS, PROFILES, TRACES;

    public static final Set<Signal> DEFAULT = EnumSet.of(METRICS, LOGS);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code metrics,logs}; unknown names are an error value, not an exception. */
    public static io.alloytop.alloy.Result<Set<Signal>> parseList(String csv) {
        if (csv == null || csv.isBlank()) return io.alloytop.alloy.Result.ok(EnumSet.copyOf(DEFAULT));
        Set<Signal> out = EnumSet.noneOf(Signal.class);
        List<String> bad = new ArrayList<>();
        for (String part : csv.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            if (p.equals("all")) {
                out.addAll(EnumSet.allOf(Signal.class));
                continue;
            }
            Signal found = null;
            for (Signal s : values()) if (s.label().equals(p)) found = s;
            if (found == null) bad.add(part.trim());
            else out.add(found);
        }
        if (!bad.isEmpty()) {
            return io.alloytop.alloy.Result.err(io.alloytop.alloy.Failure.Kind.BAD_RESPONSE,
                    "unknown signal " + String.join(", ", bad) + " (choose from metrics, logs, profiles, traces)");
        }
        if (out.isEmpty()) out.addAll(DEFAULT);
        return io.alloytop.alloy.Result.ok(out);
    }
}
