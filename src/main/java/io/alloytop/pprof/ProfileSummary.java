package io.alloytop.pprof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top table of one sample type, as a plain value for the UI and the CLI: every function
 * with its flat and cumulative value and share of the total. No I/O, no mutable state.
 */
public record ProfileSummary(String kind, List<ValueType> sampleTypes, int sampleIndex, long total,
                             long durationNanos, long timeNanos, long sampleCount, List<Row> rows, SortKey sortedBy) {

    /** "inline" when every call into the function was inlined, "partial-inline" when some were, else "". */
    public record Row(String name, long flat, long cum, double flatPercent, double cumPercent, String inline) {}

    public enum SortKey {
        /** pprof's default order: |flat| descending, then name, then |cum| descending. */
        FLAT(Comparator.comparingLong((Row r) -> -Math.abs(r.flat()))
                .thenComparing(Row::name, GoStrings::compare)
                .thenComparingLong(r -> -Math.abs(r.cum()))),
        /** pprof's -cum order: |cum| descending, then name, then |flat| descending. */
        CUM(Comparator.comparingLong((Row r) -> -Math.abs(r.cum()))
                .thenComparing(Row::name, GoStrings::compare)
                .thenComparingLong(r -> -Math.abs(r.flat())));

        private final Comparator<Row> comparator;

        SortKey(Comparator<Row> comparator) {
            this.comparator = comparator;
        }

        public Comparator<Row> comparator() {
            return comparator;
        }
    }

    public ProfileSummary {
        sampleTypes = List.copyOf(sampleTypes);
        rows = List.copyOf(rows);
    }

    public ValueType selectedType() {
        return sampleTypes.get(sampleIndex);
    }

    public ProfileSummary sortedBy(SortKey key) {
        if (key == sortedBy) return this;
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(key.comparator());
        return new ProfileSummary(kind, sampleTypes, sampleIndex, total, durationNanos, timeNanos, sampleCount, sorted, key);
    }

    /** The first n rows in the current order. */
    public List<Row> top(int n) {
        return rows.subList(0, Math.min(Math.max(n, 0), rows.size()));
    }

    /** Sum of flat over the first n rows: what pprof calls "nodes accounting for". */
    public long flatSumOfTop(int n) {
        long s = 0;
        for (Row r : top(n)) s += r.flat();
        return s;
    }
}
