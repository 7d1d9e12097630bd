package io.alloytop.ui.model;

import io.alloytop.pprof.ProfileType;

/** Profile work the effect runner does off the UI thread. */
public sealed interface ProfileEffect {
    record Start(long id, ProfileType type, int seconds) implements ProfileEffect {}

    /** Aborts the HTTP call, so Alloy stops recording and its profiler is free again. */
    record Cancel(long id) implements ProfileEffect {}
}
