package io.alloytop.forward;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What `forward on|off` will do, computed before anything is touched: the exact file changes and
 * what verification must then see. Pure data; {@link ForwardRunner} carries it out.
 */
public record ForwardPlan(
        Action action,
        ConfigLocation location,
        Set<Signal> signals,
        List<FileChange> changes,
        List<String> expectedComponents,
        List<String> removedComponents,
        Map<Signal, String> writers,
        List<String> notes,
        List<ConfigOnDisk.DiskFile> result) {

    public enum Action { ON, OFF }

    public ForwardPlan {
        signals = Set.copyOf(signals);
        changes = List.copyOf(changes);
        expectedComponents = List.copyOf(expectedComponents);
        removedComponents = List.copyOf(removedComponents);
        writers = Map.copyOf(writers);
        notes = List.copyOf(notes);
        result = List.copyOf(result);
    }

    public boolean nothingToDo() {
        return changes.stream().noneMatch(FileChange::changes);
    }

    /** The change as a unified diff; secret files appear as one line saying so, never their content. */
    public String diff() {
        StringBuilder sb = new StringBuilder();
        for (FileChange c : changes) {
            if (!c.changes()) continue;
            String name = c.path().toString();
            if (c.secret()) {
                sb.append("# ").append(c.creates() ? "create" : c.deletes() ? "delete" : "rewrite")
                  .append(" secret file ").append(name)
                  .append(c.after() != null ? " (mode 0600, content hidden)" : "").append('\n');
                continue;
            }
            sb.append(UnifiedDiff.of(name, c.before(), name, c.after()));
        }
        return sb.toString();
    }
}
