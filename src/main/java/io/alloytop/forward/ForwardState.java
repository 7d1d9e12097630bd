package io.alloytop.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alloytop.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The little that must survive between runs: Alloy's CPU and RSS measured just before forwarding
 * was switched on, so `forward status` can show the overhead against the budget.
 */
public record ForwardState(String configPath, String enabledAt, List<String> signals, double beforeCpuPercent,
        double beforeRssBytes) {

    public static final String FILE = "forward-state.json";
    /** The record's components: the file's fields, in this order, as databind's bean mapping wrote them. */
    private static final Set<String> FIELDS = Set.of("configPath", "enabledAt", "signals", "beforeCpuPercent",
            "beforeRssBytes");

    public ResourceUse before() {
        return beforeRssBytes > 0 ? new ResourceUse(beforeCpuPercent, beforeRssBytes) : null;
    }

    /** Empty for a missing, unreadable or unexpected file: the status then shows no baseline. */
    public static Optional<ForwardState> load(Path stateDir) {
        try {
            return Optional.of(fromJson(Json.read(Files.readAllBytes(stateDir.resolve(FILE)))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path tmp = Files.createTempFile(stateDir, ".forward-state", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, Json.writePrettyBytes(toJson()));
        Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void clear(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(FILE));
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("configPath", configPath);
        o.put("enabledAt", enabledAt);
        if (signals == null) {
            o.putNull("signals");
        } else {
            ArrayNode a = o.putArray("signals");
            signals.forEach(a::add);
        }
        o.put("beforeCpuPercent", beforeCpuPercent);
        o.put("beforeRssBytes", beforeRssBytes);
        return o;
    }

    /**
     * Refuses (IllegalArgumentException) what the bean mapping that wrote these files refused: not
     * an object, an unknown field, a container where a value belongs. A missing field is null or 0,
     * and scalars coerce to text and numeric text to numbers, as they did there.
     */
    static ForwardState fromJson(JsonNode n) {
        if (!n.isObject()) throw new IllegalArgumentException("not a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new IllegalArgumentException("unknown field " + f);
        }
        return new ForwardState(text(n.path("configPath")), text(n.path("enabledAt")), list(n.path("signals")),
                number(n.path("beforeCpuPercent")), number(n.path("beforeRssBytes")));
    }

    private static List<String> list(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isArray()) throw new IllegalArgumentException("signals is not an array");
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode s : v) out.add(text(s));
        return out;
    }

    private static String text(JsonNode v) {
        if (v.isContainerNode()) throw new IllegalArgumentException("a container where text belongs");
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static double number(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) return 0;
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) return Double.parseDouble(v.textValue().trim());
        throw new IllegalArgumentException("not a number");
    }
}
