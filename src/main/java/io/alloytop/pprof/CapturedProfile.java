package io.alloytop.pprof;

import java.time.Instant;

/** A profile exactly as Alloy sent it, with where and when it was asked for. */
public record CapturedProfile(ProfileType type, String host, Instant startedAt, byte[] bytes) {}
