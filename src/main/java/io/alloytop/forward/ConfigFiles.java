package io.alloytop.forward;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The file operations a forward run needs; an interface so tests can make any one of them fail. */
public interface ConfigFiles {
    FileState capture(Path p) throws IOException;

    /**
     * Replaces (or creates) a file atomically with the given owner, group and mode. Returns warnings
     * for attributes that could not be kept (for example chown without privilege).
     */
    List<String> write(Path p, byte[] bytes, Optional<FileState> like, Set<PosixFilePermission> newPerms,
            Optional<Integer> newOwnerUid) throws IOException;

    void delete(Path p) throws IOException;

    /** Puts a captured state back exactly: same bytes, owner, group and mode, or absent again. */
    default List<String> restore(FileState s) throws IOException {
        if (!s.exists()) {
            delete(s.path());
            return List.of();
        }
        return write(s.path(), s.bytes(), Optional.of(s), s.perms(), Optional.empty());
    }
}
