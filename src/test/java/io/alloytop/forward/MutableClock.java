package io.alloytop.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; pairs with a sleeper that advances it instead of sleeping. */
final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-22T09:00:00Z");

    void advance(Duration d) {
        now = now.plus(d);
    }

    ForwardRunner.Sleeper sleeper() {
        return this::advance;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
