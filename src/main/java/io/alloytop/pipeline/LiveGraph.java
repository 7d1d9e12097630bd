package io.alloytop.pipeline;

import java.util.Map;

/**
 * What Alloy's live-debugging graph stream currently says: per-edge rates keyed
 * {@code fromGlobalId->toGlobalId}, and whether the stream is usable at all.
 */
public record LiveGraph(Status status, Map<String, Double> edgeRates, String message) {
    public enum Status { OFF, CONNECTING, LIVE, DISABLED, UNSUPPORTED, FAILED }

    public static final LiveGraph OFF = new LiveGraph(Status.OFF, Map.of(), "");

    /** A line for the pipeline view's footer. */
    public String hint() {
        switch (status) {
            case LIVE: return "edge rates from Alloy's live debugging (per edge)";
            case OFF:
            case DISABLED: return "edge rates from per-component metrics; per-edge rates need"
                    + " livedebugging { enabled = true } in Alloy's config";
            case UNSUPPORTED: return "edge rates from per-component metrics (this Alloy has no live graph stream: 1.8+)";
            case FAILED: return "edge rates from per-component metrics (live graph: " + message + ")";
            case CONNECTING: return "edge rates from per-component metrics (connecting to the live graph…)";
            default: return "edge rates from per-component metrics (live graph: " + status + ")";
        }
    }
}
