package io.alloytop.pprof;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds pprof profiles for tests with the field numbers of pprof's profile.proto. Samples are
 * written first and strings last, the order Go's runtime uses.
 */
final class TestProfile {
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final List<long[]> sampleTypes = new ArrayList<>();
    private final List<byte[]> functions = new ArrayList<>();
    private final List<byte[]> locations = new ArrayList<>();
    private final List<byte[]> samples = new ArrayList<>();
    private final List<byte[]> mappings = new ArrayList<>();
    private long defaultSampleType;
    private long dropFrames;
    private long keepFrames;
    private long durationNanos;
    private long timeNanos;
    boolean packed = true;

    TestProfile() {
        str("");
        str("cpu");
        str("nanoseconds");
    }

    int str(String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    TestProfile sampleType(String type, String unit) {
        sampleTypes.add(new long[] {str(type), str(unit)});
        return this;
    }

    TestProfile defaultSampleType(String type) {
        defaultSampleType = str(type);
        return this;
    }

    TestProfile dropFrames(String regex, String keep) {
        dropFrames = str(regex);
        keepFrames = keep == null ? 0 : str(keep);
        return this;
    }

    TestProfile duration(long nanos) {
        durationNanos = nanos;
        return this;
    }

    TestProfile time(long nanos) {
        timeNanos = nanos;
        return this;
    }

    /** Returns the new function's id. */
    int function(String name) {
        int id = functions.size() + 1;
        int n = str(name);
        functions.add(PbWriter.message(w -> w.uint(1, id).uint(2, n).uint(3, n).uint(4, str("/src/" + id + ".go")).uint(5, 10)));
        return id;
    }

    int mapping(String file) {
        int id = mappings.size() + 1;
        int f = str(file);
        mappings.add(PbWriter.message(w -> w.uint(1, id).uint(2, 0x400000).uint(3, 0x800000).uint(5, f)));
        return id;
    }

    /** A location whose lines are the given functions, innermost (inlined) first as in pprof. */
    int locationIn(int mappingId, int... functionIds) {
        int id = locations.size() + 1;
        locations.add(PbWriter.message(w -> {
            w.uint(1, id);
            if (mappingId != 0) w.uint(2, mappingId);
            w.uint(3, 0x401000L + id * 16L);
            for (int f : functionIds) w.bytes(4, PbWriter.message(l -> l.uint(1, f).uint(2, 42)));
        }));
        return id;
    }

    int location(int... functionIds) {
        return locationIn(0, functionIds);
    }

    /** A sample on a stack given leaf first, as pprof stores it. */
    TestProfile sample(long[] values, int... locationIds) {
        samples.add(encodeSample(values, locationIds, packed));
        return this;
    }

    static byte[] encodeSample(long[] values, int[] locationIds, boolean packed) {
        long[] locs = new long[locationIds.length];
        for (int i = 0; i < locs.length; i++) locs[i] = locationIds[i];
        return PbWriter.message(w -> w.repeated(1, locs, packed).repeated(2, values, packed));
    }

    byte[] raw() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writeHeadAndSamples(new PbWriter(b));
        writeTail(new PbWriter(b));
        return b.toByteArray();
    }

    byte[] gzip() {
        return gzip(raw());
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    void writeHeadAndSamples(PbWriter w) {
        for (long[] t : sampleTypes) w.bytes(1, PbWriter.message(v -> v.uint(1, t[0]).uint(2, t[1])));
        for (byte[] s : samples) w.bytes(2, s);
    }

    /** Everything after the samples; for streaming huge profiles, call after writing samples yourself. */
    void writeTail(PbWriter w) {
        for (byte[] m : mappings) w.bytes(3, m);
        for (byte[] l : locations) w.bytes(4, l);
        for (byte[] f : functions) w.bytes(5, f);
        for (String s : strings.keySet()) w.string(6, s);
        if (dropFrames != 0) w.uint(7, dropFrames);
        if (keepFrames != 0) w.uint(8, keepFrames);
        if (timeNanos != 0) w.uint(9, timeNanos);
        if (durationNanos != 0) w.uint(10, durationNanos);
        int st = str("cpu");
        int su = str("nanoseconds");
        w.bytes(11, PbWriter.message(v -> v.uint(1, st).uint(2, su)));
        w.uint(12, 10_000_000);
        if (defaultSampleType != 0) w.uint(14, defaultSampleType);
    }

    /** Writes a whole gzip'd profile to a stream (used for the large-profile test). */
    static void writeGzip(OutputStream out, java.util.function.Consumer<PbWriter> body) throws IOException {
        try (GZIPOutputStream g = new GZIPOutputStream(out, 1 << 16)) {
            body.accept(new PbWriter(g));
        }
    }
}
