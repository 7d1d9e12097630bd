package io.alloytop.pprof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A decoded profile: its header and per-function totals for every sample type, ready to be
 * summarised for any sample index without decoding again.
 */
public final class ProfileData {
    /** What the aggregation pass produced; indexes are node * types + sampleIndex. */
    record Sums(int types, long[] flat, long[] cum, byte[] inEdges, long[] totals, long samples,
                Map<Aggregator.StackKey, long[]> stacks, boolean stacksTruncated) {}

    private final List<ValueType> sampleTypes;
    private final String defaultSampleType;
    private final ValueType periodType;
    private final long period;
    private final long timeNanos;
    private final long durationNanos;
    private final List<String> comments;
    private final String dropFrames;
    private final String[] names;
    private final Sums sums;

    ProfileData(List<ValueType> sampleTypes, String defaultSampleType, ValueType periodType, long period,
                long timeNanos, long durationNanos, List<String> comments, String dropFrames, String[] names, Sums sums) {
        this.sampleTypes = List.copyOf(sampleTypes);
        this.defaultSampleType = defaultSampleType;
        this.periodType = periodType;
        this.period = period;
        this.timeNanos = timeNanos;
        this.durationNanos = durationNanos;
        this.comments = List.copyOf(comments);
        this.dropFrames = dropFrames;
        this.names = names;
        this.sums = sums;
    }

    public List<ValueType> sampleTypes() {
        return sampleTypes;
    }

    public String defaultSampleType() {
        return defaultSampleType;
    }

    /** May be null when the profile has none. */
    public ValueType periodType() {
        return periodType;
    }

    public long period() {
        return period;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public long durationNanos() {
        return durationNanos;
    }

    public List<String> comments() {
        return comments;
    }

    /** The regular expression of frames pprof (and alloytop) drop from stacks; empty for Go's own profiles. */
    public String dropFrames() {
        return dropFrames;
    }

    public long sampleCount() {
        return sums.samples();
    }

    public int functionCount() {
        return names.length;
    }

    /** What kind of profile this looks like, from its sample types (mutex and block look alike). */
    public String kind() {
        List<String> t = sampleTypes.stream().map(ValueType::type).toList();
        if (t.contains("cpu")) return "cpu";
        if (t.contains("goroutine")) return "goroutine";
        if (t.contains("inuse_space")) return "alloc_space".equals(defaultSampleType) ? "allocs" : "heap";
        if (t.contains("contentions") && t.contains("delay")) return "mutex/block";
        return t.isEmpty() ? "empty" : t.get(0);
    }

    /**
     * The sample index as `go tool pprof -sample_index` resolves it: empty means the profile's
     * default_sample_type, else the last type; a number is a position; a name may omit "inuse_".
     */
    public int sampleIndex(String spec) {
        if (sampleTypes.isEmpty()) throw new IllegalArgumentException("the profile has no sample types");
        if (spec == null || spec.isEmpty()) {
            if (!defaultSampleType.isEmpty()) {
                for (int i = 0; i < sampleTypes.size(); i++) {
                    if (sampleTypes.get(i).type().equals(defaultSampleType)) return i;
                }
            }
            return sampleTypes.size() - 1;
        }
        if (spec.matches("-?\\d{1,9}")) {
            int i = Integer.parseInt(spec);
            if (i < 0 || i >= sampleTypes.size()) {
                throw new IllegalArgumentException("sample index " + spec + " is outside the range [0.."
                        + (sampleTypes.size() - 1) + "]");
            }
            return i;
        }
        String noInuse = spec.startsWith("inuse_") ? spec.substring(6) : spec;
        for (int i = 0; i < sampleTypes.size(); i++) {
            String t = sampleTypes.get(i).type();
            if (t.equals(spec) || t.equals(noInuse)) return i;
        }
        throw new IllegalArgumentException("sample index \"" + spec + "\" must be one of: "
                + sampleTypes.stream().map(ValueType::type).toList());
    }

    /** Every function with a non-zero value for this sample index, ordered as `pprof -top` orders them. */
    public ProfileSummary summary(int index) {
        checkIndex(index);
        int t = sums.types();
        List<ProfileSummary.Row> rows = new ArrayList<>();
        long total = sums.totals()[index];
        for (int n = 0; n < names.length; n++) {
            long f = sums.flat()[n * t + index];
            long c = sums.cum()[n * t + index];
            if (f == 0 && c == 0) continue;
            int edges = sums.inEdges()[n * t + index];
            String inline = (edges & Aggregator.INLINE_IN) == 0 ? ""
                    : (edges & Aggregator.CALL_IN) != 0 ? "partial-inline" : "inline";
            rows.add(new ProfileSummary.Row(names[n], f, c, percent(f, total), percent(c, total), inline));
        }
        rows.sort(ProfileSummary.SortKey.FLAT.comparator());
        return new ProfileSummary(kind(), sampleTypes, index, total, durationNanos, timeNanos, sums.samples(),
                rows, ProfileSummary.SortKey.FLAT);
    }

    /** Whole stacks with their summed value, largest first; empty unless decoded with stacks kept. */
    public List<StackGroup> stacks(int index) {
        checkIndex(index);
        List<StackGroup> out = new ArrayList<>();
        if (sums.stacks() == null) return out;
        for (Map.Entry<Aggregator.StackKey, long[]> e : sums.stacks().entrySet()) {
            long v = e.getValue()[index];
            if (v == 0) continue;
            int[] nodes = e.getKey().nodes();
            List<String> frames = new ArrayList<>(nodes.length);
            for (int i = nodes.length - 1; i >= 0; i--) frames.add(names[nodes[i]]);
            out.add(new StackGroup(frames, v));
        }
        out.sort(Comparator.comparingLong((StackGroup g) -> -Math.abs(g.value()))
                .thenComparing((a, b) -> GoStrings.compare(String.join("\n", a.frames()), String.join("\n", b.frames()))));
        return out;
    }

    /** True when there were more distinct stacks than alloytop groups, so {@link #stacks} is partial. */
    public boolean stacksTruncated() {
        return sums.stacksTruncated();
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= sampleTypes.size()) throw new IllegalArgumentException("no sample type " + index);
    }

    static double percent(long value, long total) {
        return total == 0 ? 0 : 100.0 * value / total;
    }
}
