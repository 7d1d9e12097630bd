package io.alloytop.problems;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The detector's answer for one poll: what flows per component and what is wrong.
 * {@code stale} is true when Alloy did not answer this poll and the report is the last known one.
 */
public record FlowReport(Instant at, Map<String, ComponentFlow> flows, List<Problem> problems, boolean stale) {
    public static final FlowReport EMPTY = new FlowReport(Instant.EPOCH, Map.of(), List.of(), false);

    public ComponentFlow flow(String componentId) {
        return flows.get(componentId);
    }
}
