package io.alloytop.pprof;

import java.util.List;

/** One distinct stack (innermost frame first) and the summed value of its samples, e.g. a goroutine count. */
public record StackGroup(List<String> frames, long value) {
    public StackGroup {
        frames = List.copyOf(frames);
    }
}
