package io.alloytop.pprof;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Writes captured profiles byte for byte under names that carry host, type and UTC time. A file
 * is never overwritten and is private from its first byte: profiles can hold label values.
 */
public final class ProfileStore {
    public static final Path DEFAULT_DIR = Path.of("alloytop-profiles");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_SUFFIX = 1000;

    private final Path dir;

    public ProfileStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** alloy-HOST-TYPE-yyyyMMddTHHmmssZ.pb.gz (or .trace), without the collision suffix. */
    public static String baseName(String host, ProfileType type, Instant at) {
        return "alloy-" + host + "-" + type.id() + "-" + STAMP.format(at);
    }

    public Result<SavedProfile> save(CapturedProfile p) {
        return save(p.host(), p.type(), p.startedAt(), p.bytes());
    }

    public Result<SavedProfile> save(String host, ProfileType type, Instant at, byte[] bytes) {
        try {
            if (!Files.isDirectory(dir)) createPrivateDirectories();
            String base = baseName(host, type, at);
            for (int i = 1; i <= MAX_SUFFIX; i++) {
                Path target = dir.resolve(base + (i == 1 ? "" : "-" + i) + type.extension());
                try {
                    write(target, bytes);
                    return Result.ok(new SavedProfile(target, bytes.length));
                } catch (FileAlreadyExistsException e) {
                    // taken (or a symlink sits there): try the next suffix, never replace it
                }
            }
            return Result.err(Failure.Kind.IO, "cannot save the profile: " + MAX_SUFFIX + " files named "
                    + base + "* already exist in " + dir);
        } catch (IOException | UnsupportedOperationException e) {
            return Result.err(Failure.Kind.IO, "cannot save the profile in " + dir + ": " + e);
        }
    }

    private void createPrivateDirectories() throws IOException {
        if (supportsPosix(dir.toAbsolutePath().getRoot())) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attrs = supportsPosix(target.toAbsolutePath().getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        SeekableByteChannel ch = Files.newByteChannel(target, opts, attrs);
        // From here the file is ours: a failed write must not leave half a profile behind.
        boolean done = false;
        try (ch) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(target);
        }
    }

    private static boolean supportsPosix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The host part of the target URL; a loopback target is named after this machine instead. */
    public static String hostFor(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl.trim()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) host = "unknown";
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (isLoopback(host)) host = localHostName();
        return safe(host);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    private static String localHostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env.trim();
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Only characters that are harmless in a file name and a shell; IPv6 colons become underscores. */
    static String safe(String host) {
        String s = host.replaceAll("[^A-Za-z0-9.-]", "_");
        s = s.replaceAll("^\\.+", "_");
        return s.isEmpty() ? "unknown" : s;
    }
}
