package io.alloytop.pprof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything in a profile except its samples (field numbers of pprof's published profile.proto).
 * String indexes stay unresolved until the whole string table, which Go writes last, is read.
 */
final class ProfileHeader {
    // Profile
    static final int SAMPLE_TYPE = 1, SAMPLE = 2, MAPPING = 3, LOCATION = 4, FUNCTION = 5,
            STRING_TABLE = 6, DROP_FRAMES = 7, KEEP_FRAMES = 8, TIME_NANOS = 9, DURATION_NANOS = 10,
            PERIOD_TYPE = 11, PERIOD = 12, COMMENT = 13, DEFAULT_SAMPLE_TYPE = 14;
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
    long period, timeNanos, durationNanos, dropFrames, keepFrames, defaultSampleType;

    String string(long idx) throws PprofFormatException {
        if (idx == 0 && strings.isEmpty()) return "";
        if (idx < 0 || idx >= strings.size()) {
            throw new PprofFormatException("corrupt profile: string index " + idx + " is outside the string table ("
                    + strings.size() + " entries)");
        }
        return strings.get((int) idx);
    }

    static ProfileHeader read(ProtoStream s) throws PprofFormatException {
        ProfileHeader h = new ProfileHeader();
        readFields(s, h);
        return h;
    }

    private static void readFields(ProtoStream s, ProfileHeader h) throws PprofFormatException {
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
                case KEEP_FRAMES -> h.keepFrames = varint(s, wt);
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

    static byte[] message(ProtoStream s, int wt, String what) throws PprofFormatException {
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

    private static void readMapping(byte[] b, ProfileHeader h) throws PprofFormatException {
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

    private static void readLocation(byte[] b, ProfileHeader h) throws PprofFormatException {
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

    private static void readFunction(byte[] b, ProfileHeader h) throws PprofFormatException {
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
}
