package io.alloytop.pprof;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alloytop.json.Json;
import io.alloytop.text.Sanitizer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The same summaries as text tables (shaped like `pprof -top`) or as JSON with exact values. */
public final class ProfileReport {
    // Non-ASCII as \\u escapes: function names come from the profile, and a raw C1 (U+009B is CSI)
    // would reach the terminal even though JSON only requires escaping below U+0020.
    private static final DelEscapes ESCAPES = new DelEscapes();

    /** JSON's standard escapes plus DEL, which JSON allows raw. */
    private static final class DelEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        DelEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

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
        ObjectNode m = values(extra);
        m.put("kind", s.kind());
        m.set("sampleType", valueType(s.selectedType()));
        ArrayNode types = m.putArray("sampleTypes");
        for (ValueType t : s.sampleTypes()) types.add(valueType(t));
        m.put("sampleIndex", s.sampleIndex());
        m.put("total", s.total());
        m.put("timeNanos", s.timeNanos());
        m.put("durationNanos", s.durationNanos());
        m.put("sampleCount", s.sampleCount());
        m.put("functions", s.rows().size());
        m.put("sortedBy", s.sortedBy().name().toLowerCase(Locale.ROOT));
        ArrayNode rows = m.putArray("top");
        for (ProfileSummary.Row r : s.top(top)) {
            ObjectNode o = rows.addObject();
            o.put("name", r.name());
            o.put("flat", r.flat());
            o.put("cum", r.cum());
            o.put("flatPercent", r.flatPercent());
            o.put("cumPercent", r.cumPercent());
            o.put("inline", r.inline());
        }
        if (stacks != null) {
            ArrayNode groups = m.putArray("stacks");
            for (StackGroup g : stacks.subList(0, Math.min(maxStacks, stacks.size()))) {
                ObjectNode o = groups.addObject();
                ArrayNode frames = o.putArray("frames");
                g.frames().forEach(frames::add);
                o.put("value", g.value());
            }
        }
        return write(m);
    }

    public static String diffJson(List<ProfileDiff.Row> rows, ValueType type, int top, long totalBefore, long totalAfter) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.set("sampleType", valueType(type));
        m.put("totalBefore", totalBefore);
        m.put("totalAfter", totalAfter);
        ArrayNode out = m.putArray("growers");
        for (ProfileDiff.Row r : rows.subList(0, Math.min(top, rows.size()))) {
            ObjectNode row = out.addObject();
            row.put("name", r.name());
            row.put("flatDelta", r.flatDelta());
            row.put("cumDelta", r.cumDelta());
            row.put("flatBefore", r.flatBefore());
            row.put("flatAfter", r.flatAfter());
            row.put("cumBefore", r.cumBefore());
            row.put("cumAfter", r.cumAfter());
        }
        return write(m);
    }

    /** Plain values (text, numbers, booleans, null) as a report object. */
    public static String write(Map<String, ?> values) {
        return write(values(values));
    }

    private static ObjectNode values(Map<String, ?> values) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        values.forEach((k, v) -> {
            if (v == null) o.putNull(k);
            else if (v instanceof String t) o.put(k, t);
            else if (v instanceof Integer n) o.put(k, n);
            else if (v instanceof Long n) o.put(k, n);
            else if (v instanceof Float n) o.put(k, n); // not widened: a float prints shorter than its double
            else if (v instanceof Double n) o.put(k, n);
            else if (v instanceof Boolean b) o.put(k, b);
            else throw new IllegalArgumentException("not a plain value: " + k + " = " + v.getClass().getName());
        });
        return o;
    }

    private static ObjectNode valueType(ValueType t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", t.type());
        o.put("unit", t.unit());
        return o;
    }

    private static String write(ObjectNode report) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.generator(w)) {
            g.useDefaultPrettyPrinter();
            g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
            g.setCharacterEscapes(ESCAPES);
            Json.write(g, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }

    /** Function names and types come from the profiled process: inert before they reach a terminal. */
    static String clean(String s) {
        return Sanitizer.line(s);
    }
}
