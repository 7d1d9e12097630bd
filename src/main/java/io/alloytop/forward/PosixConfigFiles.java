package io.alloytop.forward;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Atomic replacement on POSIX: a 0600 temp file in the same directory, written and fsynced, given
 * the target's owner, group and mode, renamed over the target, then the directory fsynced. A reader
 * (Alloy reloading) sees the old file or the new one, never a torn one.
 */
public final class PosixConfigFiles implements ConfigFiles {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    /**
     * A config reached through a symlink is edited where it really lives: renaming over the link
     * would silently replace it with a plain file.
     */
    static Path real(Path p) throws IOException {
        return Files.isSymbolicLink(p) ? p.toRealPath() : p;
    }

    @Override
    public FileState capture(Path link) throws IOException {
        Path p = real(link);
        try {
            byte[] bytes = Files.readAllBytes(p);
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileState(link, bytes, a.owner(), a.group(), a.permissions());
        } catch (NoSuchFileException e) {
            return new FileState(link, null, null, null, null);
        }
    }

    @Override
    public List<String> write(Path link, byte[] bytes, Optional<FileState> like, Set<PosixFilePermission> newPerms,
            Optional<Integer> newOwnerUid) throws IOException {
        Path target = real(link);
        List<String> warnings = new ArrayList<>();
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".alloytop-", ".tmp",
                PosixFilePermissions.asFileAttribute(PRIVATE));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            Set<PosixFilePermission> perms = newPerms;
            if (like.isPresent() && like.get().exists()) {
                FileState s = like.get();
                perms = s.perms();
                keepOwner(view, s.owner(), s.group(), target, warnings);
            } else if (newOwnerUid.isPresent()) {
                chownUid(tmp, newOwnerUid.get(), target, warnings);
            }
            // Mode last: chown may clear set-id bits.
            view.setPermissions(perms);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically: " + e.getMessage(), e);
            }
            moved = true;
            syncDir(dir);
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
        return warnings;
    }

    private static void keepOwner(PosixFileAttributeView view, UserPrincipal owner, GroupPrincipal group, Path target,
            List<String> warnings) throws IOException {
        PosixFileAttributes now = view.readAttributes();
        if (!now.owner().equals(owner)) {
            try {
                view.setOwner(owner);
            } catch (FileSystemException | SecurityException e) {
                warnings.add("could not keep owner " + owner.getName() + " of " + target + " (needs privilege)");
            }
        }
        if (!now.group().equals(group)) {
            try {
                view.setGroup(group);
            } catch (FileSystemException | SecurityException e) {
                warnings.add("could not keep group " + group.getName() + " of " + target + " (needs privilege)");
            }
        }
    }

    private static void chownUid(Path tmp, int uid, Path target, List<String> warnings) {
        try {
            Object current = Files.getAttribute(tmp, "unix:uid");
            if (current instanceof Integer c && c == uid) return;
            Files.setAttribute(tmp, "unix:uid", uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            warnings.add("could not give " + target + " to UID " + uid + " (Alloy's user); Alloy may not be able to read it");
        }
    }

    @Override
    public void delete(Path link) throws IOException {
        Path p = real(link);
        if (Files.deleteIfExists(p)) syncDir(p.toAbsolutePath().getParent());
    }

    private static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems refuse fsync on a directory; the rename is still atomic.
        }
    }
}
