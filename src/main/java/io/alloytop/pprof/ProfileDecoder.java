package io.alloytop.pprof;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a gzip'd pprof profile (the field numbers of pprof's published profile.proto) and
 * aggregates it per function the way `go tool pprof -top` does at its default "functions"
 * granularity.
 *
 * <p>Go writes samples before the locations, functions and strings they point at, so the first
 * pass reads everything except samples and the second streams samples straight into per-function
 * totals. Memory is bounded by the number of distinct locations and functions, not samples.
 */
public final class ProfileDecoder {
    // Profile
    private static final int SAMPLE_TYPE = 1, SAMPLE = 2, MAPPING = 3, LOCATION = 4, FUNCTION = 5,
            STRING_TABLE = 6, DROP_FRAMES = 7, KEEP_FRAMES = 8, TIME_NANOS = 9, DURATION_NANOS = 10,
            PERIOD_TYPE = 11, PERIOD = 12, COMMENT = 13, DEFAULT_SAMPLE_TYPE = 14;
    // Sample
    private static final int SAMPLE_LOCATION_ID = 1, SAMPLE_VALUE = 2;
    // Mapping
    private static final int MAPPING_ID = 1, MAPPING_FILENAME = 5;
    // Location
    private static final int LOCATION_ID = 1, LOCATION_MAPPING_ID = 2, LOCATION_LINE = 4;
    // Line
    private static final int LINE_FUNCTION_ID = 1;
    // Function
    private static final int FUNCTION_ID = 1, FUNCTION_NAME = 2, FUNCTION_START_LINE = 5;
    // ValueType
    private static final int VT_TYPE = 1, VT_UNIT = 2;

    private ProfileDecoder() {}

    /** Decodes and aggregates; {@code keepStacks} also groups whole stacks (for goroutine views). */
    public static ProfileData decode(ProfileSource source, boolean keepStacks) throws PprofFormatException {
        Header h = new Header();
        try (InputStream in = open(source)) {
            readHeader(new ProtoStream(in), h);
        } catch (IOException e) {
            throw new PprofFormatException("cannot read profile: " + e.getMessage());
        }
        Graph g = buildGraph(h);
        Aggregator agg = new Aggregator(g, h.sampleTypes.size(), keepStacks);
        try (InputStream in = open(source)) {
            readSamples(new ProtoStream(in), agg);
        } catch (IOException e) {
            throw new PprofFormatException("cannot read profile: " + e.getMessage());
        }
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < h.comments.size(); i++) comments.add(h.string(h.comments.get(i)));
        List<ValueType> types = new ArrayList<>();
        for (long[] t : h.sampleTypes) types.add(new ValueType(h.string(t[0]), h.string(t[1])));
        ValueType period = h.periodType == null ? null : new ValueType(h.string(h.periodType[0]), h.string(h.periodType[1]));
        return new ProfileData(types, h.string(h.defaultSampleType), period, h.period, h.timeNanos,
                h.durationNanos, comments, h.string(h.dropFrames), g.names, agg.result());
    }

    private static InputStream open(ProfileSource source) throws IOException, PprofFormatException {
        InputStream raw = new BufferedInputStream(source.open(), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            raw.close();
            if (b0 < 0) throw new PprofFormatException("not a profile: the data is empty");
            String hint = b0 == '<' ? " (it starts with '<': an HTML page, not a profile)"
                    : b0 == 'g' && b1 == 'o' ? " (it looks like a Go execution trace, which alloytop saves but does not read)"
                    : "";
            throw new PprofFormatException("not a profile: the data is not gzip-compressed" + hint);
        }
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (ZipException | java.io.EOFException e) {
            raw.close();
            throw new PprofFormatException("corrupt profile: the gzip header is damaged or cut short");
        }
    }

    /** Everything but samples; string indexes stay unresolved until the table is complete. */
    static final class Header {
        final List<long[]> sampleTypes = new ArrayList<>();
        final List<String> strings = new ArrayList<>();
        final LongList comments = new LongList();
        final Map<Long, Long> mappingFile = new HashMap<>();
        final LongList functionIds = new LongList();
        final LongList functionNames = new LongList();
        final LongList functionStart = new LongList();
        final LongList locationIds = new LongList();
        final LongList locationMapping = new LongList();
        final List<long[]> locationFunctions = new ArrayList<>();
        long[] periodType;
        long period, timeNanos, durationNanos, dropFrames, defaultSampleType;

        String string(long idx) throws PprofFormatException {
            if (idx == 0 && strings.isEmpty()) return "";
            if (idx < 0 || idx >= strings.size()) {
                throw new PprofFormatException("corrupt profile: string index " + idx + " is outside the string table ("
                        + strings.size() + " entries)");
            }
            return strings.get((int) idx);
        }
    }

    private static void readHeader(ProtoStream s, Header h) throws PprofFormatException {
        while (!s.atEnd()) {
            long tag = s.readTag();
            int field = (int) (tag >>> 3);
            int wt = (int) (tag & 7);
            if (field == SAMPLE) {
                s.skip(wt);
                continue;
            }
            switch (field) {
                case SAMPLE_TYPE -> h.sampleTypes.add(valueType(message(s, wt, "sample_type"), "sample_type"));
                case MAPPING -> readMapping(message(s, wt, "mapping"), h);
                case LOCATION -> readLocation(message(s, wt, "location"), h);
                case FUNCTION -> readFunction(message(s, wt, "function"), h);
                case STRING_TABLE -> h.strings.add(new String(message(s, wt, "string_table"), StandardCharsets.UTF_8));
                case PERIOD_TYPE -> h.periodType = valueType(message(s, wt, "period_type"), "period_type");
                case COMMENT -> {
                    if (wt == WireReader.VARINT) {
                        h.comments.add(s.readVarint());
                    } else {
                        WireReader packed = new WireReader(message(s, wt, "comment"), "comment");
                        while (packed.hasMore()) h.comments.add(packed.readVarint());
                    }
                }
                case DROP_FRAMES -> h.dropFrames = varint(s, wt);
                case KEEP_FRAMES -> varint(s, wt);
                case TIME_NANOS -> h.timeNanos = varint(s, wt);
                case DURATION_NANOS -> h.durationNanos = varint(s, wt);
                case PERIOD -> h.period = varint(s, wt);
                case DEFAULT_SAMPLE_TYPE -> h.defaultSampleType = varint(s, wt);
                default -> s.skip(wt);
            }
        }
    }

    private static long varint(ProtoStream s, int wt) throws PprofFormatException {
        if (wt != WireReader.VARINT) throw new PprofFormatException("corrupt profile: a number field has wire type " + wt);
        return s.readVarint();
    }

    private static byte[] message(ProtoStream s, int wt, String what) throws PprofFormatException {
        if (wt != WireReader.LEN) throw new PprofFormatException("corrupt profile: " + what + " has wire type " + wt);
        return s.readBytes(s.readLength());
    }

    private static long[] valueType(byte[] b, String what) throws PprofFormatException {
        WireReader r = new WireReader(b, what);
        long[] t = new long[2];
        while (r.hasMore()) {
            long tag = r.readTag();
            int wt = (int) (tag & 7);
            switch ((int) (tag >>> 3)) {
                case VT_TYPE -> t[0] = r.readVarintField(wt);
                case VT_UNIT -> t[1] = r.readVarintField(wt);
                default -> r.skip(wt);
            }
        }
        return t;
    }

    private static void readMapping(byte[] b, Header h) throws PprofFormatException {
        WireReader r = new WireReader(b, "mapping");
        long id = 0, file = 0;
        while (r.hasMore()) {
            long tag = r.readTag();
            int wt = (int) (tag & 7);
            switch ((int) (tag >>> 3)) {
                case MAPPING_ID -> id = r.readVarintField(wt);
                case MAPPING_FILENAME -> file = r.readVarintField(wt);
                default -> r.skip(wt);
            }
        }
        h.mappingFile.put(id, file);
    }

    private static void readLocation(byte[] b, Header h) throws PprofFormatException {
        WireReader r = new WireReader(b, "location");
        long id = 0, mapping = 0;
        LongList fns = new LongList();
        while (r.hasMore()) {
            long tag = r.readTag();
            int wt = (int) (tag & 7);
            switch ((int) (tag >>> 3)) {
                case LOCATION_ID -> id = r.readVarintField(wt);
                case LOCATION_MAPPING_ID -> mapping = r.readVarintField(wt);
                case LOCATION_LINE -> {
                    if (wt != WireReader.LEN) throw r.bad("line has wire type " + wt);
                    WireReader line = r.readMessage("line");
                    long fn = 0;
                    while (line.hasMore()) {
                        long t = line.readTag();
                        if ((t >>> 3) == LINE_FUNCTION_ID) fn = line.readVarintField((int) (t & 7));
                        else line.skip((int) (t & 7));
                    }
                    fns.add(fn);
                }
                default -> r.skip(wt);
            }
        }
        h.locationIds.add(id);
        h.locationMapping.add(mapping);
        h.locationFunctions.add(fns.toArray());
    }

    private static void readFunction(byte[] b, Header h) throws PprofFormatException {
        WireReader r = new WireReader(b, "function");
        long id = 0, name = 0, start = 0;
        while (r.hasMore()) {
            long tag = r.readTag();
            int wt = (int) (tag & 7);
            switch ((int) (tag >>> 3)) {
                case FUNCTION_ID -> id = r.readVarintField(wt);
                case FUNCTION_NAME -> name = r.readVarintField(wt);
                case FUNCTION_START_LINE -> start = r.readVarintField(wt);
                default -> r.skip(wt);
            }
        }
        h.functionIds.add(id);
        h.functionNames.add(name);
        h.functionStart.add(start);
    }

    /** Locations resolved to graph nodes; a node is what pprof's function granularity merges. */
    static final class Graph {
        final LongIntMap locationIndex = new LongIntMap();
        /** Go numbers locations 1..n, so a plain array usually replaces the hash lookup per frame. */
        int[] direct;
        int[][] locationNodes;
        String[] names;

        int location(long id) {
            if (direct != null) return id > 0 && id < direct.length ? direct[(int) id] : -1;
            return locationIndex.get(id);
        }
    }

    private static Graph buildGraph(Header h) throws PprofFormatException {
        if (!h.strings.isEmpty() && !h.strings.get(0).isEmpty()) {
            throw new PprofFormatException("corrupt profile: the string table must start with an empty string");
        }
        LongIntMap fnIndex = new LongIntMap();
        for (int i = 0; i < h.functionIds.size(); i++) {
            long id = h.functionIds.get(i);
            if (id == 0) throw new PprofFormatException("corrupt profile: a function has id 0");
            if (!fnIndex.putIfAbsent(id, i)) throw new PprofFormatException("corrupt profile: function id " + id + " appears twice");
        }
        Map<String, Integer> nodeByKey = new HashMap<>();
        List<String> names = new ArrayList<>();
        Graph g = new Graph();
        int nLoc = h.locationIds.size();
        g.locationNodes = new int[nLoc][];
        for (int i = 0; i < nLoc; i++) {
            long id = h.locationIds.get(i);
            if (id == 0) throw new PprofFormatException("corrupt profile: a location has id 0");
            if (!g.locationIndex.putIfAbsent(id, i)) throw new PprofFormatException("corrupt profile: location id " + id + " appears twice");
            Long fileIdx = h.mappingFile.get(h.locationMapping.get(i));
            String objfile = fileIdx == null ? "" : h.string(fileIdx);
            long[] fns = h.locationFunctions.get(i);
            int[] nodes = new int[Math.max(1, fns.length)];
            if (fns.length == 0) {
                nodes[0] = node(nodeByKey, names, "\0" + objfile + "\0" + 0, objfileLabel(objfile));
            }
            for (int l = 0; l < fns.length; l++) {
                if (fns[l] == 0) {
                    nodes[l] = node(nodeByKey, names, "\0" + objfile + "\0" + 0, objfileLabel(objfile));
                    continue;
                }
                int f = fnIndex.get(fns[l]);
                if (f < 0) throw new PprofFormatException("corrupt profile: location " + id + " refers to missing function " + fns[l]);
                String name = h.string(h.functionNames.get(f));
                nodes[l] = name.isEmpty()
                        ? node(nodeByKey, names, "\0" + objfile + "\0" + h.functionStart.get(f), objfileLabel(objfile))
                        : node(nodeByKey, names, name, name);
            }
            g.locationNodes[i] = nodes;
        }
        g.names = names.toArray(new String[0]);
        long maxId = 0;
        for (int i = 0; i < nLoc; i++) maxId = Math.max(maxId, h.locationIds.get(i));
        if (maxId < 2L * nLoc + 1024) {
            g.direct = new int[(int) maxId + 1];
            java.util.Arrays.fill(g.direct, -1);
            for (int i = 0; i < nLoc; i++) g.direct[(int) h.locationIds.get(i)] = i;
        }
        return g;
    }

    /** pprof names a frame without a function by its binary, or "<unknown>" when there is none. */
    private static String objfileLabel(String objfile) {
        if (objfile.isEmpty()) return "<unknown>";
        int slash = objfile.lastIndexOf('/');
        return "[" + objfile.substring(slash + 1) + "]";
    }

    private static int node(Map<String, Integer> byKey, List<String> names, String key, String label) {
        Integer n = byKey.get(key);
        if (n != null) return n;
        byKey.put(key, names.size());
        names.add(label);
        return names.size() - 1;
    }

    private static void readSamples(ProtoStream s, Aggregator agg) throws PprofFormatException {
        LongList locs = new LongList();
        LongList values = new LongList();
        while (!s.atEnd()) {
            long tag = s.readTag();
            int wt = (int) (tag & 7);
            if ((tag >>> 3) != SAMPLE) {
                s.skip(wt);
                continue;
            }
            WireReader r = new WireReader(message(s, wt, "sample"), "sample");
            locs.clear();
            values.clear();
            while (r.hasMore()) {
                long t = r.readTag();
                int w = (int) (t & 7);
                switch ((int) (t >>> 3)) {
                    case SAMPLE_LOCATION_ID -> r.readRepeatedVarint(w, locs);
                    case SAMPLE_VALUE -> r.readRepeatedVarint(w, values);
                    default -> r.skip(w);
                }
            }
            agg.add(locs, values);
        }
    }
}
