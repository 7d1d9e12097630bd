package io.alloytop.cli;

import io.alloytop.pprof.PprofFormatException;
import io.alloytop.pprof.ProfileData;
import io.alloytop.pprof.ProfileDecoder;
import io.alloytop.pprof.ProfileReport;
import io.alloytop.pprof.ProfileSource;
import io.alloytop.pprof.ProfileSummary;
import io.alloytop.pprof.StackGroup;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printing options shared by `profile TYPE` and `profile show`, and the printing itself. */
record ProfileView(String sampleIndex, int top, ProfileSummary.SortKey sort, int stacks, boolean json) {
    static ProfileView of(String sampleIndex, int top, String sort, int stacks, String output) {
        if (top < 1) throw new UserError("--top must be at least 1");
        if (stacks < 0) throw new UserError("--stacks must not be negative");
        ProfileSummary.SortKey key = switch (sort.toLowerCase(Locale.ROOT)) {
            case "flat" -> ProfileSummary.SortKey.FLAT;
            case "cum" -> ProfileSummary.SortKey.CUM;
            default -> throw new UserError("--sort must be flat or cum, not '" + sort + "'");
        };
        boolean json = switch (output.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new UserError("--output must be text or json, not '" + output + "'");
        };
        return new ProfileView(sampleIndex, top, key, stacks, json);
    }

    /** Decodes and prints; a profile that cannot be read is reported, never thrown. */
    int print(ProfileSource source, boolean groupStacks, Map<String, Object> info, PrintWriter out, PrintWriter err) {
        ProfileData data;
        try {
            data = ProfileDecoder.decode(source, groupStacks);
        } catch (PprofFormatException e) {
            err.println("alloytop: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        int index;
        try {
            index = data.sampleIndex(sampleIndex);
        } catch (IllegalArgumentException e) {
            throw new UserError("--sample-index: " + e.getMessage());
        }
        ProfileSummary s = data.summary(index).sortedBy(sort);
        List<StackGroup> groups = groupStacks && "goroutine".equals(data.kind()) ? data.stacks(index) : null;
        if (json) {
            out.print(ProfileReport.json(s, top, groups, stacks, info));
        } else {
            out.print(ProfileReport.text(s, top, groups, stacks));
            if (data.stacksTruncated()) out.println("(more than 50000 distinct stacks; the grouping above is partial)");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
