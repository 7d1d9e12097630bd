package io.alloytop.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** All samples of one sample name; also the snapshot's index, built here to save a second pass. */
    private static final class Series {
        final Family family;
        final ArrayList<Sample> samples = new ArrayList<>(4);

        Series(Family family) {
            this.family = family;
        }
    }

    private final HashMap<String, Family> byName = new HashMap<>();
    private final LinkedHashMap<String, Series> bySampleName = new LinkedHashMap<>();
    private final ArrayList<Family> order = new ArrayList<>();
    private String lastSampleName;
    private Series last;

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
            Series x = bySampleName.get(name);
            if (x == null) {
                x = new Series(resolve(name));
                bySampleName.put(name, x);
            }
            lastSampleName = name;
            last = x;
        }
        last.family.samples.add(s);
        last.samples.add(s);
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

    MetricsSnapshot build() {
        List<MetricFamily> out = new ArrayList<>(order.size());
        for (Family f : order) {
            if (f.samples.isEmpty()) continue;
            out.add(new MetricFamily(f.name, f.type == null ? MetricType.UNTYPED : f.type,
                    f.help == null ? "" : f.help, Collections.unmodifiableList(f.samples)));
        }
        Map<String, List<Sample>> index = new LinkedHashMap<>(bySampleName.size() * 2);
        for (Map.Entry<String, Series> e : bySampleName.entrySet()) {
            index.put(e.getKey(), Collections.unmodifiableList(e.getValue().samples));
        }
        return new MetricsSnapshot(out, index);
    }
}
