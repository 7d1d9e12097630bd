package io.alloytop.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/** One parsed /metrics scrape, indexed by sample name (not family name: {@code x_bucket} is its own key). */
public final class MetricsSnapshot {
    private final List<MetricFamily> families;
    private final Map<String, List<Sample>> bySampleName;

    public MetricsSnapshot(List<MetricFamily> families) {
        this.families = List.copyOf(families);
        Map<String, List<Sample>> idx = new LinkedHashMap<>();
        String lastName = null;
        List<Sample> last = null;
        for (MetricFamily f : families) {
            for (Sample s : f.samples()) {
                // Samples of one name arrive together, so most skip the map lookup.
                if (!s.name().equals(lastName)) {
                    lastName = s.name();
                    last = idx.computeIfAbsent(lastName, k -> new ArrayList<>(4));
                }
                last.add(s);
            }
        }
        this.bySampleName = idx;
    }

    /** For the parser, which builds the index while it parses; trusts both to be immutable. */
    MetricsSnapshot(List<MetricFamily> families, Map<String, List<Sample>> bySampleName) {
        this.families = Collections.unmodifiableList(families);
        this.bySampleName = bySampleName;
    }

    public List<MetricFamily> families() {
        return families;
    }

    public List<Sample> samples(String name) {
        return bySampleName.getOrDefault(name, Collections.emptyList());
    }

    public boolean has(String name) {
        return bySampleName.containsKey(name);
    }

    /** The first sample's value, for families with one unlabelled series. */
    public OptionalDouble first(String name) {
        List<Sample> l = samples(name);
        return l.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(l.get(0).value());
    }

    public OptionalDouble first(String name, Predicate<Labels> where) {
        for (Sample s : samples(name)) {
            if (where.test(s.labels())) return OptionalDouble.of(s.value());
        }
        return OptionalDouble.empty();
    }

    /** Sum over every series of the name; 0 when absent (Alloy omits zero-valued health series). */
    public double sum(String name) {
        double t = 0;
        for (Sample s : samples(name)) t += s.value();
        return t;
    }

    public double sum(String name, Predicate<Labels> where) {
        double t = 0;
        for (Sample s : samples(name)) {
            if (where.test(s.labels())) t += s.value();
        }
        return t;
    }

    /** Sum by the value of one label (e.g. component_id); series without it are skipped. */
    public Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Sample s : samples(name)) {
            String v = s.labels().get(label);
            if (v != null) out.merge(v, s.value(), Double::sum);
        }
        return out;
    }

    public int sampleCount() {
        int n = 0;
        for (MetricFamily f : families) n += f.samples().size();
        return n;
    }
}
