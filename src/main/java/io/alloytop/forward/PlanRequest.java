package io.alloytop.forward;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user asked for plus what we learned about the running Alloy.
 *
 * @param alloyEnv     the running Alloy's environment, when /proc let us read it
 * @param alloyUid     the UID Alloy runs as, to own the secret file
 * @param alloyAddress host:port of Alloy's HTTP server (for the profile scrape target)
 */
public record PlanRequest(
        ForwardPlan.Action action,
        Set<Signal> signals,
        boolean hostMetrics,
        CloudSettings cloud,
        Optional<Map<String, String>> alloyEnv,
        Optional<Integer> alloyUid,
        String alloyAddress,
        String journalUnit) {

    public PlanRequest {
        signals = Set.copyOf(signals);
    }
}
