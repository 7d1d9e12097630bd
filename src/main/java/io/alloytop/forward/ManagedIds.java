package io.alloytop.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The component IDs alloytop owns; one label, unique to alloytop, so they cannot clash with a user's. */
public final class ManagedIds {
    public static final String LABEL = "alloytop_selfmon";
    public static final String KEY_LABEL = "alloytop_selfmon_key";
    public static final String SECRET_FILE_NAME = "alloytop-selfmon.key";
    public static final String MANAGED_FILE_NAME = "zz-alloytop-selfmon.alloy";

    private ManagedIds() {}

    /** The component that actually sends a signal out, whose counters prove delivery. */
    public static String writer(Signal s) {
        switch (s) {
            case METRICS: return "prometheus.remote_write." + LABEL;
            case LOGS: return "loki.write." + LABEL;
            case PROFILES: return "pyroscope.write." + LABEL;
            default: return "otelcol.exporter.otlp." + LABEL;
        }
    }

    /** Every component generated for a signal (config blocks such as {@code tracing} are not components). */
    public static List<String> components(Signal s, boolean hostMetrics) {
        List<String> out = new ArrayList<>();
        switch (s) {
            case METRICS:
                out.add("prometheus.exporter.self." + LABEL);
                if (hostMetrics) out.add("prometheus.exporter.unix." + LABEL);
                out.add("prometheus.scrape." + LABEL);
                break;
            case LOGS:
                out.add("loki.source.journal." + LABEL);
                break;
            case PROFILES:
                out.add("pyroscope.scrape." + LABEL);
                break;
            case TRACES:
                out.add("otelcol.auth.basic." + LABEL);
                break;
        }
        out.add(writer(s));
        return out;
    }

    public static List<String> components(Set<Signal> signals, boolean hostMetrics, boolean secretFile) {
        List<String> out = new ArrayList<>();
        if (secretFile) out.add("local.file." + KEY_LABEL);
        for (Signal s : Signal.values()) if (signals.contains(s)) out.addAll(components(s, hostMetrics));
        return out;
    }
}
