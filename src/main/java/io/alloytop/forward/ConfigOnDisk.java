package io.alloytop.forward;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.syntax.ConfigSources;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bytes of every file Alloy would load from a location, in Alloy's load order, plus our secret file. */
public record ConfigOnDisk(ConfigLocation location, List<DiskFile> files, byte[] secretFile) {
    public record DiskFile(Path path, byte[] bytes) {}

    public ConfigOnDisk {
        files = List.copyOf(files);
    }

    /** The directory that holds the config (and our secret file). */
    public Path configDir() {
        return location.directory() ? location.path() : location.path().toAbsolutePath().getParent();
    }

    public Path secretPath() {
        return configDir().resolve(ManagedIds.SECRET_FILE_NAME);
    }

    public Path managedFilePath() {
        return location.path().resolve(ManagedIds.MANAGED_FILE_NAME);
    }

    public List<ConfigSources.Source> sources() {
        List<ConfigSources.Source> out = new ArrayList<>();
        for (DiskFile f : files) out.add(new ConfigSources.Source(f.path().toString(), f.bytes()));
        return out;
    }

    public static Result<ConfigOnDisk> read(ConfigLocation loc) {
        try {
            List<DiskFile> files = new ArrayList<>();
            if (loc.directory()) {
                List<Path> paths = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(loc.path(), "*.alloy")) {
                    for (Path p : ds) if (Files.isRegularFile(p)) paths.add(p);
                }
                paths.sort(Comparator.comparing(p -> p.getFileName().toString()));
                for (Path p : paths) files.add(new DiskFile(p, Files.readAllBytes(p)));
            } else {
                files.add(new DiskFile(loc.path(), Files.readAllBytes(loc.path())));
            }
            Path dir = loc.directory() ? loc.path() : loc.path().toAbsolutePath().getParent();
            Path secret = dir.resolve(ManagedIds.SECRET_FILE_NAME);
            byte[] sec = Files.isRegularFile(secret) ? Files.readAllBytes(secret) : null;
            return Result.ok(new ConfigOnDisk(loc, files, sec));
        } catch (IOException | SecurityException e) {
            return Result.err(Failure.Kind.IO, "cannot read Alloy's config " + loc.path() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
