package io.alloytop.problems;

import io.alloytop.pipeline.LiveGraph;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The detector's answer for one poll: what flows per component and what is wrong, plus what
 * Alloy's live-debugging graph said about per-edge rates at that time.
 * {@code stale} is true when Alloy did not answer this poll and the report is the last known one.
 */
public record FlowReport(Instant at, Map<String, ComponentFlow> flows, List<Problem> problems, boolean stale,
                         LiveGraph live) {
    public static final FlowReport EMPTY = new FlowReport(Instant.EPOCH, Map.of(), List.of(), false);

    public FlowReport(Instant at, Map<String, ComponentFlow> flows, List<Problem> problems, boolean stale) {
        this(at, flows, problems, stale, LiveGraph.OFF);
    }

    public FlowReport withLive(LiveGraph g) {
        return new FlowReport(at, flows, problems, stale, g == null ? LiveGraph.OFF : g);
    }

    public ComponentFlow flow(String componentId) {
        return flows.get(componentId);
    }
}
