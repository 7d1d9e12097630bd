package io.alloytop.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a pprof Profile message (the published profile.proto field numbers) and gzips it, as Go's
 * runtime/pprof does. One mapping (the alloy binary), one location per function.
 */
final class PprofProfile {
    /** A Go function: name, source file, first line. */
    record Func(String name, String file, long startLine) {}

    private record Sample(long[] locationIds, long[] values, String labelKey, String labelStr, long labelNum, String labelUnit) {}

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Long> stringIndex = new HashMap<>();
    private final Map<Func, Long> functionIds = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<long[]> sampleTypes = new ArrayList<>();
    private long[] periodType = {0, 0};
    private long period;
    private long timeNanos;
    private long durationNanos;
    private long defaultSampleType;

    PprofProfile() {
        str("");
    }

    long str(String s) {
        Long i = stringIndex.get(s);
        if (i != null) return i;
        long idx = strings.size();
        strings.add(s);
        stringIndex.put(s, idx);
        return idx;
    }

    PprofProfile sampleType(String type, String unit) {
        sampleTypes.add(new long[] {str(type), str(unit)});
        return this;
    }

    PprofProfile period(String type, String unit, long p) {
        periodType = new long[] {str(type), str(unit)};
        period = p;
        return this;
    }

    PprofProfile time(long nanos, long duration) {
        timeNanos = nanos;
        durationNanos = duration;
        return this;
    }

    PprofProfile defaultSampleType(String type) {
        defaultSampleType = str(type);
        return this;
    }

    /** A sample on a stack given leaf first. */
    void sample(List<Func> stack, long... values) {
        samples.add(new Sample(locations(stack), values, null, null, 0, null));
    }

    /** A sample with one numeric label, like Go's heap profile "bytes" label. */
    void sampleWithNumLabel(List<Func> stack, String key, long num, String unit, long... values) {
        samples.add(new Sample(locations(stack), values, key, null, num, unit));
    }

    void sampleWithStrLabel(List<Func> stack, String key, String value, long... values) {
        samples.add(new Sample(locations(stack), values, key, value, 0, null));
    }

    private long[] locations(List<Func> stack) {
        long[] ids = new long[stack.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = functionIds.computeIfAbsent(stack.get(i), f -> (long) functionIds.size() + 1);
        return ids;
    }

    byte[] encode() {
        ProtoWriter p = new ProtoWriter();
        for (long[] st : sampleTypes) p.message(1, valueType(st));
        for (Sample s : samples) {
            ProtoWriter m = new ProtoWriter();
            m.packed(1, s.locationIds());
            m.packed(2, s.values());
            if (s.labelKey() != null) {
                ProtoWriter l = new ProtoWriter();
                l.int64(1, str(s.labelKey()));
                if (s.labelStr() != null) l.int64(2, str(s.labelStr()));
                l.int64(3, s.labelNum());
                if (s.labelUnit() != null) l.int64(4, str(s.labelUnit()));
                m.message(3, l);
            }
            p.message(2, m);
        }
        ProtoWriter mapping = new ProtoWriter();
        mapping.int64(1, 1);
        mapping.int64(2, 0x400000);
        mapping.int64(3, 0x7a3c000);
        mapping.int64(5, str("/usr/bin/alloy"));
        mapping.int64(6, str("f3b2c0d1e4a5968778695a4b3c2d1e0f"));
        mapping.bool(7, true);
        mapping.bool(8, true);
        mapping.bool(9, true);
        mapping.bool(10, true);
        p.message(3, mapping);
        List<ProtoWriter> functions = new ArrayList<>();
        for (Map.Entry<Func, Long> e : functionIds.entrySet()) {
            Func f = e.getKey();
            long id = e.getValue();
            ProtoWriter loc = new ProtoWriter();
            loc.int64(1, id);
            loc.int64(2, 1);
            loc.int64(3, 0x400000 + id * 0x1a40 + 0x2f);
            ProtoWriter line = new ProtoWriter();
            line.int64(1, id);
            line.int64(2, f.startLine() + 3 + (id % 17));
            loc.message(4, line);
            p.message(4, loc);
            ProtoWriter fn = new ProtoWriter();
            fn.int64(1, id);
            fn.int64(2, str(f.name()));
            fn.int64(3, str(f.name()));
            fn.int64(4, str(f.file()));
            fn.int64(5, f.startLine());
            functions.add(fn);
        }
        for (ProtoWriter fn : functions) p.message(5, fn);
        for (String s : strings) p.string(6, s);
        p.int64(9, timeNanos);
        p.int64(10, durationNanos);
        p.message(11, valueType(periodType));
        p.int64(12, period);
        p.int64(14, defaultSampleType);
        return p.toByteArray();
    }

    private static ProtoWriter valueType(long[] st) {
        ProtoWriter v = new ProtoWriter();
        v.int64(1, st[0]);
        v.int64(2, st[1]);
        return v;
    }

    byte[] gzipped() throws IOException {
        return HttpReplies.gzip(encode());
    }
}
