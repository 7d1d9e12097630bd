package io.alloytop.forward;

import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A file as it was before a change: absent ({@code bytes == null}) or its exact bytes with owner,
 * group and mode, which is everything a rollback must put back.
 */
public record FileState(Path path, byte[] bytes, UserPrincipal owner, GroupPrincipal group,
        Set<PosixFilePermission> perms) {
    public boolean exists() {
        return bytes != null;
    }

    @Override
    public String toString() {
        return "FileState[" + path + (exists() ? ", " + bytes.length + " bytes, " + owner + ":" + group : ", absent") + "]";
    }
}
