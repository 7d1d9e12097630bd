package io.alloytop.pprof;

import java.nio.file.Path;

/** A profile written to disk. */
public record SavedProfile(Path path, long size) {}
