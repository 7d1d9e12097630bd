package io.alloytop.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The little that must survive between runs: Alloy's CPU and RSS measured just before forwarding
 * was switched on, so `forward status` can show the overhead against the budget.
 */
public record ForwardState(String configPath, String enabledAt, List<String> signals, double beforeCpuPercent,
        double beforeRssBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FILE = "forward-state.json";

    public ResourceUse before() {
        return beforeRssBytes > 0 ? new ResourceUse(beforeCpuPercent, beforeRssBytes) : null;
    }

    public static Optional<ForwardState> load(Path stateDir) {
        try {
            return Optional.of(JSON.readValue(stateDir.resolve(FILE).toFile(), ForwardState.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path tmp = Files.createTempFile(stateDir, ".forward-state", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void clear(Path stateDir) throws IOException {
        Files.deleteIfExists(stateDir.resolve(FILE));
    }
}
