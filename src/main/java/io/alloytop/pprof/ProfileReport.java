package io.alloytop.pprof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.alloytop.text.Sanitizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The same summaries as text tables (shaped like `pprof -top`) or as JSON with exact values. */
public final class ProfileReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileReport() {}

    public static String text(ProfileSummary s, int top, List<StackGroup> stacks, int maxStacks) {
        StringBuilder b = new StringBuilder();
        ValueType t = s.selectedType();
        List<String> types = s.sampleTypes().stream().map(ValueType::toString).toList();
        b.append("Type: ").append(clean(t.type())).append(" (").append(clean(t.unit())).append(")");
        if (types.size() > 1) b.append("   sample types: ").append(clean(String.join(" ", types)));
        b.append('\n');
        if (s.timeNanos() != 0) {
            b.append("Time: ").append(Instant.ofEpochSecond(0, s.timeNanos()).truncatedTo(ChronoUnit.SECONDS)).append('\n');
        }
        String total = Units.format(s.total(), t.unit());
        if (s.durationNanos() != 0) {
            b.append("Duration: ").append(Units.time(s.durationNanos())).append(", ");
        }
        b.append("Total: ").append(total).append(" in ").append(s.sampleCount()).append(s.sampleCount() == 1 ? " sample" : " samples");
        if (s.durationNanos() != 0 && "nanoseconds".equals(t.unit())) {
            b.append(String.format(Locale.ROOT, " (%.2f%% of the duration)", 100.0 * s.total() / s.durationNanos()));
        }
        b.append('\n');
        if (s.rows().isEmpty()) {
            b.append("No samples for ").append(clean(t.type()))
                    .append(": nothing was recorded (an idle process, or this profile type is switched off)\n");
            return b.toString();
        }
        int shown = Math.min(top, s.rows().size());
        b.append("Showing top ").append(shown).append(" of ").append(s.rows().size()).append(" functions, sorted by ")
                .append(s.sortedBy().name().toLowerCase(Locale.ROOT)).append(", accounting for ")
                .append(Units.format(s.flatSumOfTop(shown), t.unit())).append(" (")
                .append(Units.percent(ProfileData.percent(s.flatSumOfTop(shown), s.total()))).append(")\n");
        b.append(String.format(Locale.ROOT, "%10s %7s %10s %7s  %s%n", "flat", "flat%", "cum", "cum%", "function"));
        for (ProfileSummary.Row r : s.top(top)) {
            b.append(String.format(Locale.ROOT, "%10s %7s %10s %7s  %s%s%n",
                    Units.format(r.flat(), t.unit()), Units.percent(r.flatPercent()),
                    Units.format(r.cum(), t.unit()), Units.percent(r.cumPercent()),
                    clean(r.name()), r.inline().isEmpty() ? "" : " (" + r.inline() + ")"));
        }
        if (stacks != null && !stacks.isEmpty() && maxStacks > 0) {
            b.append("\nStacks grouped by ").append(clean(t.type())).append(" (top ")
                    .append(Math.min(maxStacks, stacks.size())).append(" of ").append(stacks.size()).append("):\n");
            for (StackGroup g : stacks.subList(0, Math.min(maxStacks, stacks.size()))) {
                b.append(String.format(Locale.ROOT, "%10s%n", Units.format(g.value(), t.unit())));
                for (String f : g.frames()) b.append("           ").append(clean(f)).append('\n');
            }
        }
        return b.toString();
    }

    public static String diffText(List<ProfileDiff.Row> rows, ValueType type, int top, long totalBefore, long totalAfter) {
        StringBuilder b = new StringBuilder();
        b.append("Type: ").append(clean(type.type())).append(" (").append(clean(type.unit())).append(")\n");
        b.append("Total: ").append(Units.format(totalBefore, type.unit())).append(" -> ")
                .append(Units.format(totalAfter, type.unit())).append(" (")
                .append(signed(totalAfter - totalBefore, type.unit())).append(")\n");
        if (rows.isEmpty()) {
            b.append("Nothing grew.\n");
            return b.toString();
        }
        b.append("Top ").append(Math.min(top, rows.size())).append(" growers by flat:\n");
        b.append(String.format(Locale.ROOT, "%11s %11s %10s %10s  %s%n", "flat +/-", "cum +/-", "flat", "flat", "function"));
        b.append(String.format(Locale.ROOT, "%11s %11s %10s %10s%n", "", "", "before", "after"));
        for (ProfileDiff.Row r : rows.subList(0, Math.min(top, rows.size()))) {
            b.append(String.format(Locale.ROOT, "%11s %11s %10s %10s  %s%n",
                    signed(r.flatDelta(), type.unit()), signed(r.cumDelta(), type.unit()),
                    Units.format(r.flatBefore(), type.unit()), Units.format(r.flatAfter(), type.unit()), clean(r.name())));
        }
        return b.toString();
    }

    private static String signed(long v, String unit) {
        return (v > 0 ? "+" : "") + Units.format(v, unit);
    }

    public static String json(ProfileSummary s, int top, List<StackGroup> stacks, int maxStacks, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>(extra);
        m.put("kind", s.kind());
        m.put("sampleType", s.selectedType());
        m.put("sampleTypes", s.sampleTypes());
        m.put("sampleIndex", s.sampleIndex());
        m.put("total", s.total());
        m.put("timeNanos", s.timeNanos());
        m.put("durationNanos", s.durationNanos());
        m.put("sampleCount", s.sampleCount());
        m.put("functions", s.rows().size());
        m.put("sortedBy", s.sortedBy().name().toLowerCase(Locale.ROOT));
        m.put("top", s.top(top));
        if (stacks != null) m.put("stacks", stacks.subList(0, Math.min(maxStacks, stacks.size())));
        return write(m);
    }

    public static String diffJson(List<ProfileDiff.Row> rows, ValueType type, int top, long totalBefore, long totalAfter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampleType", type);
        m.put("totalBefore", totalBefore);
        m.put("totalAfter", totalAfter);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProfileDiff.Row r : rows.subList(0, Math.min(top, rows.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("flatDelta", r.flatDelta());
            row.put("cumDelta", r.cumDelta());
            row.put("flatBefore", r.flatBefore());
            row.put("flatAfter", r.flatAfter());
            row.put("cumBefore", r.cumBefore());
            row.put("cumAfter", r.cumAfter());
            out.add(row);
        }
        m.put("growers", out);
        return write(m);
    }

    public static String write(Object o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Function names and types come from the profiled process: inert before they reach a terminal. */
    static String clean(String s) {
        return Sanitizer.line(s);
    }
}
