package io.alloytop.pprof;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a gzip'd profile can be read from, more than once: decoding makes two passes so that a
 * large profile never has to sit in memory decompressed.
 */
@FunctionalInterface
public interface ProfileSource {
    InputStream open() throws IOException;

    static ProfileSource of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static ProfileSource of(Path file) {
        return () -> Files.newInputStream(file);
    }
}
