package io.alloytop.alloy;

import io.alloytop.metrics.MetricFamily;
import io.alloytop.metrics.MetricsSnapshot;
import io.alloytop.metrics.Sample;

/** Tells Alloy apart from other Go servers that expose the same process_/go_ families. */
public final class AlloyIdentity {
    public static final String BUILD_INFO = "alloy_build_info";

    private AlloyIdentity() {}

    /** alloy_build_info{version}, or "" when absent. */
    public static String version(MetricsSnapshot m) {
        for (Sample s : m.samples(BUILD_INFO)) {
            String v = s.labels().get("version");
            if (v != null) return v;
        }
        return "";
    }

    public static boolean isAlloy(MetricsSnapshot m) {
        return m.has(BUILD_INFO);
    }

    /** Null when this is Alloy; otherwise a NOT_ALLOY failure naming what it looks like instead. */
    public static Failure notAlloy(MetricsSnapshot m, String baseUrl) {
        if (isAlloy(m)) return null;
        String other = "";
        for (MetricFamily f : m.families()) {
            String n = f.name();
            if (n.endsWith("_build_info") && !n.startsWith("go_") && !f.samples().isEmpty()) {
                String app = n.substring(0, n.length() - "_build_info".length());
                String v = f.samples().get(0).labels().get("version");
                if (v != null) v = v.replaceAll("[\\p{Cntrl}\\s]+", "");
                if (v != null && v.length() > 40) v = v.substring(0, 40);
                other = " (it looks like " + app + (v == null || v.isEmpty() ? "" : " " + v) + ")";
                break;
            }
        }
        return new Failure(Failure.Kind.NOT_ALLOY, "not Alloy: " + baseUrl
                + " serves /metrics but has no alloy_build_info" + other + "; check --url");
    }
}
