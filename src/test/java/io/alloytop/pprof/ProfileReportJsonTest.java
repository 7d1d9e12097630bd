package io.alloytop.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON reports equal, byte for byte, what they were when databind mapped Maps and records
 * with INDENT_OUTPUT, ESCAPE_NON_ASCII and DEL escaped: that mapper, kept here, is the reference.
 */
class ProfileReportJsonTest {
    private static final ObjectMapper REFERENCE = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static {
        REFERENCE.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] ascii = standardAsciiEscapesForJSON();

            {
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
        });
    }

    private static final List<String> NAMES = List.of("main.main", "evil\u001b[2J\u202eName", "del\u007f c1\u009b",
            "é ünïcode 🚀", "quote\" back\\slash /", "", "tab\tnl\n");

    private static ProfileSummary summary() {
        List<ProfileSummary.Row> rows = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            rows.add(new ProfileSummary.Row(NAMES.get(i), 1000L * i - 3, Long.MAX_VALUE - i, 100.0 / (i + 3), i * 0.1,
                    i % 3 == 0 ? "" : i % 3 == 1 ? "inline" : "partial-inline"));
        }
        return new ProfileSummary("cpu", List.of(new ValueType("samples", "count"), new ValueType("cpu", "nano\u00b5seconds")),
                1, 123_456_789_012L, 10_000_000_000L, 1_763_000_000_000_000_000L, 42, rows, ProfileSummary.SortKey.FLAT);
    }

    private static List<StackGroup> stacks() {
        return List.of(new StackGroup(NAMES.subList(0, 3), 7), new StackGroup(List.of(), 0),
                new StackGroup(NAMES.subList(3, 7), -1));
    }

    @Test
    void summaryJsonIsWhatTheMapperWrote() throws Exception {
        ProfileSummary s = summary();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", "/tmp/é/profile.pb.gz");
        info.put("size", 123_456L);
        for (int top : new int[] {0, 3, 100}) {
            for (List<StackGroup> st : java.util.Arrays.asList(null, List.<StackGroup>of(), stacks())) {
                for (int max : new int[] {0, 2, 10}) {
                    assertEquals(reference(s, top, st, max, info), ProfileReport.json(s, top, st, max, info), top + " " + st + " " + max);
                }
            }
        }
        assertEquals(reference(s, 5, null, 0, Map.of()), ProfileReport.json(s, 5, null, 0, Map.of()));
    }

    /** Keys the caller passes that the report also sets keep their place and take the report's value. */
    @Test
    void extraKeysKeepTheirPlace() throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("total", "overwritten");
        info.put("file", "f");
        assertEquals(reference(summary(), 1, null, 0, info), ProfileReport.json(summary(), 1, null, 0, info));
    }

    @Test
    void diffJsonIsWhatTheMapperWrote() throws Exception {
        List<ProfileDiff.Row> rows = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) rows.add(new ProfileDiff.Row(NAMES.get(i), i, 2L * i * i, -i, Long.MIN_VALUE + i));
        ValueType t = new ValueType("inuse_space", "bytes");
        for (int top : new int[] {0, 3, 100}) {
            assertEquals(referenceDiff(rows, t, top, 100, -5), ProfileReport.diffJson(rows, t, top, 100, -5));
        }
    }

    @Test
    void plainInfoIsWhatTheMapperWrote() throws Exception {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", "/var/lib/alloytop/trace \u0085.out");
        info.put("size", 9L);
        info.put("count", 3);
        info.put("ok", true);
        info.put("none", null);
        info.put("ratio", 0.25);
        info.put("f", 1.1f);
        assertEquals(REFERENCE.writeValueAsString(info) + "\n", ProfileReport.write(info));
    }

    /** The report as the Map-and-records code built it. */
    private static String reference(ProfileSummary s, int top, List<StackGroup> stacks, int maxStacks, Map<String, Object> extra)
            throws Exception {
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
        m.put("sortedBy", s.sortedBy().name().toLowerCase(java.util.Locale.ROOT));
        m.put("top", s.top(top));
        if (stacks != null) m.put("stacks", stacks.subList(0, Math.min(maxStacks, stacks.size())));
        return REFERENCE.writeValueAsString(m) + "\n";
    }

    private static String referenceDiff(List<ProfileDiff.Row> rows, ValueType type, int top, long before, long after)
            throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampleType", type);
        m.put("totalBefore", before);
        m.put("totalAfter", after);
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
        return REFERENCE.writeValueAsString(m) + "\n";
    }
}
