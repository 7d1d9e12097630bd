package io.alloytop.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

/**
 * Groups samples into families the way Prometheus' Go text parser does: a sample joins the family of
 * its exact name if one exists; otherwise {@code x_bucket/_sum/_count/_created} join histogram
 * {@code x}, {@code x_sum/_count/_created} join summary {@code x}, and {@code x_total/_created} join
 * counter {@code x} (a family declared OpenMetrics-style without {@code _total}); anything else starts
 * an untyped family of its own. Families appear in order of first mention, and ones that never got a
 * sample are dropped, as Go does.
 */
final class FamilyGrouper {
    static final class Family {
        final String name;
        MetricType type;
        String help;
        final ArrayList<Sample> samples = new ArrayList<>(4);

        Family(String name) {
            this.name = name;
        }
    }

    private final HashMap<String, Family> byName = new HashMap<>();
    private final HashMap<String, Family> bySampleName = new HashMap<>();
    private final ArrayList<Family> order = new ArrayList<>();
    private String lastSampleName;
    private Family lastFamily;

    /** The family a HELP or TYPE line names, created if new. */
    Family declared(String name) {
        Family f = byName.get(name);
        if (f == null) {
            f = new Family(name);
            byName.put(name, f);
            order.add(f);
        }
        return f;
    }

    void add(Sample s) {
        String name = s.name();
        // Names are interned by the parser, so consecutive samples of one family compare by identity.
        if (name != lastSampleName) {
            Family f = bySampleName.get(name);
            if (f == null) {
                f = resolve(name);
                bySampleName.put(name, f);
            }
            lastSampleName = name;
            lastFamily = f;
        }
        lastFamily.samples.add(s);
    }

    private Family resolve(String name) {
        Family f = byName.get(name);
        if (f != null) return f;
        f = parent(name, "_bucket", MetricType.HISTOGRAM, null, null);
        if (f == null) f = parent(name, "_count", MetricType.HISTOGRAM, MetricType.SUMMARY, null);
        if (f == null) f = parent(name, "_sum", MetricType.HISTOGRAM, MetricType.SUMMARY, null);
        if (f == null) f = parent(name, "_created", MetricType.HISTOGRAM, MetricType.SUMMARY, MetricType.COUNTER);
        if (f == null) f = parent(name, "_total", MetricType.COUNTER, null, null);
        return f != null ? f : declared(name);
    }

    private Family parent(String name, String suffix, MetricType a, MetricType b, MetricType c) {
        if (!name.endsWith(suffix)) return null;
        Family f = byName.get(name.substring(0, name.length() - suffix.length()));
        if (f == null || f.type == null) return null;
        return f.type == a || f.type == b || f.type == c ? f : null;
    }

    List<MetricFamily> build() {
        List<MetricFamily> out = new ArrayList<>(order.size());
        for (Family f : order) {
            if (f.samples.isEmpty()) continue;
            out.add(new MetricFamily(f.name, f.type == null ? MetricType.UNTYPED : f.type,
                    f.help == null ? "" : f.help, Collections.unmodifiableList(f.samples)));
        }
        return out;
    }
}
