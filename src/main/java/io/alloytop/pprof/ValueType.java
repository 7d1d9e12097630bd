package io.alloytop.pprof;

/** One column of a profile's samples, e.g. cpu/nanoseconds or inuse_space/bytes. */
public record ValueType(String type, String unit) {
    @Override
    public String toString() {
        return type + "/" + unit;
    }
}
