package io.alloytop.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so counters, ages and stalls are checked without sleeping. */
public final class DemoClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    private DemoClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static DemoClock at(Instant start) {
        return new DemoClock(start, ZoneOffset.UTC);
    }

    public synchronized DemoClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new DemoClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
