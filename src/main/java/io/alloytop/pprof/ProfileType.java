package io.alloytop.pprof;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The profiles Go's net/http/pprof serves and alloytop can capture. */
public enum ProfileType {
    CPU("cpu", "/debug/pprof/profile", true, 30, ".pb.gz"),
    HEAP("heap", "/debug/pprof/heap", false, 0, ".pb.gz"),
    ALLOCS("allocs", "/debug/pprof/allocs", false, 0, ".pb.gz"),
    GOROUTINE("goroutine", "/debug/pprof/goroutine", false, 0, ".pb.gz"),
    MUTEX("mutex", "/debug/pprof/mutex", false, 0, ".pb.gz"),
    BLOCK("block", "/debug/pprof/block", false, 0, ".pb.gz"),
    /** A Go execution trace: saved for `go tool trace`, not a pprof profile, so never decoded. */
    TRACE("trace", "/debug/pprof/trace", true, 1, ".trace");

    private final String id;
    private final String path;
    private final boolean timed;
    private final int defaultSeconds;
    private final String extension;

    ProfileType(String id, String path, boolean timed, int defaultSeconds, String extension) {
        this.id = id;
        this.path = path;
        this.timed = timed;
        this.defaultSeconds = defaultSeconds;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    public String path() {
        return path;
    }

    /** The server records for `seconds` before it answers. */
    public boolean timed() {
        return timed;
    }

    /** Go's own default for timed types: 30 s for CPU, 1 s for trace. */
    public int defaultSeconds() {
        return defaultSeconds;
    }

    public String extension() {
        return extension;
    }

    public boolean decodable() {
        return this != TRACE;
    }

    public static ProfileType parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("profile")) return CPU;
        for (ProfileType t : values()) {
            if (t.id.equals(v)) return t;
        }
        throw new IllegalArgumentException("unknown profile type '" + s + "' (one of: " + names() + ")");
    }

    public static String names() {
        return Arrays.stream(values()).map(ProfileType::id).collect(Collectors.joining(", "));
    }
}
