package io.alloytop.alloy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One component from the list or detail API (facts §2.1). List responses carry empty
 * arguments/exports/debugInfo; the detail fills them as alloyjson bodies (kept as JSON trees
 * because their shape varies by component and version).
 */
public record Component(
        String name,
        String localID,
        String moduleID,
        String label,
        List<String> referencesTo,
        List<String> referencedBy,
        List<String> dataFlowEdgesTo,
        Health health,
        JsonNode arguments,
        JsonNode exports,
        JsonNode debugInfo,
        List<String> createdModuleIDs,
        boolean liveDebuggingEnabled) {

    public Component {
        name = name == null ? "" : name;
        localID = localID == null ? "" : localID;
        moduleID = moduleID == null ? "" : moduleID;
        label = label == null ? "" : label;
        referencesTo = referencesTo == null ? List.of() : List.copyOf(referencesTo);
        referencedBy = referencedBy == null ? List.of() : List.copyOf(referencedBy);
        dataFlowEdgesTo = dataFlowEdgesTo == null ? List.of() : List.copyOf(dataFlowEdgesTo);
        createdModuleIDs = createdModuleIDs == null ? List.of() : List.copyOf(createdModuleIDs);
        health = health == null ? new Health(HealthState.UNKNOWN, "", "") : health;
    }

    /** The ID that is unique across the whole process: {@code moduleID/localID}, or localID at the root. */
    public String globalID() {
        return moduleID.isEmpty() ? localID : moduleID + "/" + localID;
    }
}
