package io.alloytop.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One component as a config declares it: what a {@link DemoConfigLoader} hands to the demo on a
 * (re)load. IDs follow facts §2.3: localID {@code name.label}, global ID {@code moduleID/localID}.
 *
 * @param referencesTo    local IDs in the same module this component's expressions reference
 * @param dataFlowEdgesTo null = derived from references the way Alloy's loader does it
 * @param health          null = healthy, "started component"
 * @param liveDebugging   null = by component type
 */
public record ComponentDecl(
        String name,
        String label,
        String moduleID,
        ArrayNode arguments,
        ArrayNode exports,
        List<String> referencesTo,
        List<String> dataFlowEdgesTo,
        List<String> createdModuleIDs,
        HealthSpec health,
        Boolean liveDebugging) {

    /** A state ("healthy", "unhealthy", "unknown", "exited") and its message. */
    public record HealthSpec(String state, String message) {}

    /** Types whose main export is a receiver/input: an edge points from the referencing component to them. */
    static final Set<String> RECEIVER_TYPES = Set.of(
            "prometheus.remote_write", "prometheus.relabel", "loki.write", "loki.process", "loki.relabel",
            "pyroscope.write", "otelcol.exporter.otlp", "otelcol.exporter.otlphttp", "otelcol.processor.batch",
            "otelcol.processor.memory_limiter", "otelcol.connector.spanmetrics", "otelcol.exporter.prometheus");

    public ComponentDecl {
        moduleID = moduleID == null ? "" : moduleID;
        arguments = arguments == null ? AlloyJson.body() : arguments;
        exports = exports == null ? AlloyJson.body() : exports;
        referencesTo = referencesTo == null ? List.of() : List.copyOf(referencesTo);
        dataFlowEdgesTo = dataFlowEdgesTo == null ? null : List.copyOf(dataFlowEdgesTo);
        createdModuleIDs = createdModuleIDs == null ? List.of() : List.copyOf(createdModuleIDs);
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("component name is empty");
        if (label == null || label.isEmpty()) throw new IllegalArgumentException("component " + name + " has no label");
    }

    public static ComponentDecl of(String name, String label) {
        return new ComponentDecl(name, label, "", null, null, null, null, null, null, null);
    }

    public String localID() {
        return name + "." + label;
    }

    public String globalID() {
        return moduleID.isEmpty() ? localID() : moduleID + "/" + localID();
    }

    public ComponentDecl inModule(String m) {
        return new ComponentDecl(name, label, m, arguments, exports, referencesTo, dataFlowEdgesTo, createdModuleIDs, health, liveDebugging);
    }

    public ComponentDecl withArguments(ArrayNode a) {
        return new ComponentDecl(name, label, moduleID, a, exports, referencesTo, dataFlowEdgesTo, createdModuleIDs, health, liveDebugging);
    }

    /** Arguments from a plain map (see {@link AlloyJson#bodyOf}). */
    public ComponentDecl withArguments(Map<String, ?> a) {
        return withArguments(AlloyJson.bodyOf(a));
    }

    public ComponentDecl withExports(ArrayNode e) {
        return new ComponentDecl(name, label, moduleID, arguments, e, referencesTo, dataFlowEdgesTo, createdModuleIDs, health, liveDebugging);
    }

    public ComponentDecl referencing(String... localIDs) {
        return new ComponentDecl(name, label, moduleID, arguments, exports, List.of(localIDs), dataFlowEdgesTo, createdModuleIDs, health, liveDebugging);
    }

    public ComponentDecl withEdges(String... localIDs) {
        return new ComponentDecl(name, label, moduleID, arguments, exports, referencesTo, List.of(localIDs), createdModuleIDs, health, liveDebugging);
    }

    public ComponentDecl creating(String... moduleIDs) {
        return new ComponentDecl(name, label, moduleID, arguments, exports, referencesTo, dataFlowEdgesTo, List.of(moduleIDs), health, liveDebugging);
    }

    public ComponentDecl withHealth(String state, String message) {
        return new ComponentDecl(name, label, moduleID, arguments, exports, referencesTo, dataFlowEdgesTo, createdModuleIDs, new HealthSpec(state, message), liveDebugging);
    }

    public ComponentDecl withLiveDebugging(boolean b) {
        return new ComponentDecl(name, label, moduleID, arguments, exports, referencesTo, dataFlowEdgesTo, createdModuleIDs, health, b);
    }

    static String typeOf(String localID) {
        int dot = localID.lastIndexOf('.');
        return dot < 0 ? localID : localID.substring(0, dot);
    }

    /** Alloy's rule (facts §2.1): receiver-typed exports point referencing → target, others target → referencing. */
    static boolean isReceiverType(String type) {
        return RECEIVER_TYPES.contains(type) || type.startsWith("otelcol.exporter.") || type.startsWith("otelcol.processor.")
                || type.startsWith("otelcol.connector.");
    }

    boolean defaultLiveDebugging() {
        if (liveDebugging != null) return liveDebugging;
        return name.equals("prometheus.scrape") || name.equals("prometheus.remote_write") || name.equals("prometheus.relabel")
                || name.equals("loki.process") || name.equals("loki.relabel") || name.startsWith("discovery.")
                || name.startsWith("otelcol.receiver.") || name.startsWith("otelcol.processor.")
                || name.startsWith("otelcol.connector.");
    }
}
