package io.alloytop.pprof;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What grew between two profiles of the same kind (typically heap, inuse_space): per function,
 * B minus A, which is what `go tool pprof -diff_base=A B` reports per function.
 */
public final class ProfileDiff {
    public record Row(String name, long flatBefore, long flatAfter, long cumBefore, long cumAfter) {
        public long flatDelta() {
            return flatAfter - flatBefore;
        }

        public long cumDelta() {
            return cumAfter - cumBefore;
        }
    }

    /** All functions in either profile, largest flat growth first, then cum growth, then name. */
    public static List<Row> compare(ProfileSummary before, ProfileSummary after) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (ProfileSummary.Row r : before.rows()) {
            long[] v = byName.computeIfAbsent(r.name(), k -> new long[4]);
            v[0] += r.flat();
            v[2] += r.cum();
        }
        for (ProfileSummary.Row r : after.rows()) {
            long[] v = byName.computeIfAbsent(r.name(), k -> new long[4]);
            v[1] += r.flat();
            v[3] += r.cum();
        }
        List<Row> rows = new ArrayList<>();
        byName.forEach((name, v) -> rows.add(new Row(name, v[0], v[1], v[2], v[3])));
        rows.sort(Comparator.comparingLong((Row r) -> -r.flatDelta())
                .thenComparingLong(r -> -r.cumDelta())
                .thenComparing(Row::name, GoStrings::compare));
        return rows;
    }

    /** The functions that grew (flat or cum), in {@link #compare} order. */
    public static List<Row> growers(ProfileSummary before, ProfileSummary after) {
        return compare(before, after).stream().filter(r -> r.flatDelta() > 0 || r.cumDelta() > 0).toList();
    }

    private ProfileDiff() {}
}
