package io.alloytop.pprof;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
    // Sample
    private static final int SAMPLE_LOCATION_ID = 1, SAMPLE_VALUE = 2;

    private ProfileDecoder() {}

    /** Decodes and aggregates; {@code keepStacks} also groups whole stacks (for goroutine views). */
    public static ProfileData decode(ProfileSource source, boolean keepStacks) throws PprofFormatException {
        ProfileHeader h;
        try (InputStream in = open(source)) {
            h = ProfileHeader.read(new ProtoStream(in));
        } catch (IOException e) {
            throw new PprofFormatException("cannot read profile: " + e.getMessage());
        }
        FunctionGraph g = FunctionGraph.build(h);
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

    private static void readSamples(ProtoStream s, Aggregator agg) throws PprofFormatException {
        LongList locs = new LongList();
        LongList values = new LongList();
        while (!s.atEnd()) {
            long tag = s.readTag();
            int wt = (int) (tag & 7);
            if ((tag >>> 3) != ProfileHeader.SAMPLE) {
                s.skip(wt);
                continue;
            }
            WireReader r = new WireReader(ProfileHeader.message(s, wt, "sample"), "sample");
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