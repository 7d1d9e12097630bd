package io.alloytop.forward;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One file the plan changes. {@code before} null means the file does not exist yet; {@code after}
 * null means the change deletes it. A secret file's bytes are never shown in diffs or backups.
 *
 * @param newFileMode  permissions for a file that does not exist yet ("rw-------" style)
 * @param newFileOwner UID to give a new file when we may (Alloy's, so it can read the secret)
 * @param modelFile    an existing file whose owner, group and mode a new config file copies
 */
public record FileChange(Path path, byte[] before, byte[] after, boolean secret, String newFileMode,
        Optional<Integer> newFileOwner, Optional<Path> modelFile) {

    public boolean creates() {
        return before == null && after != null;
    }

    public boolean deletes() {
        return before != null && after == null;
    }

    public boolean changes() {
        return before == null ? after != null : after == null || !java.util.Arrays.equals(before, after);
    }

    @Override
    public String toString() {
        return "FileChange[" + path + (secret ? ", secret" : "") + (creates() ? ", create" : deletes() ? ", delete" : ", edit") + "]";
    }
}
