package io.alloytop.pprof;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decoding as a value, for callers that pass Results around (the UI's effect runner): a
 * profile that cannot be read becomes a BAD_RESPONSE (or IO) failure with the decoder's message.
 * Decoding a large profile takes seconds: never call this on a UI thread.
 */
public final class ProfileReader {
    private ProfileReader() {}

    /** A captured profile; goroutine profiles keep their grouped stacks. */
    public static Result<ProfileData> read(CapturedProfile p) {
        if (!p.type().decodable()) {
            return Result.err(Failure.Kind.NOT_SUPPORTED, "a Go execution trace is saved for `go tool trace`, not summarised");
        }
        return read(ProfileSource.of(p.bytes()), p.type() == ProfileType.GOROUTINE);
    }

    /** A saved file; stacks are grouped when the profile turns out to be a goroutine profile. */
    public static Result<ProfileData> read(Path file) {
        if (!Files.isRegularFile(file)) return Result.err(Failure.Kind.IO, "no such file: " + file);
        return read(ProfileSource.of(file), true);
    }

    public static Result<ProfileData> read(ProfileSource source, boolean keepStacks) {
        try {
            return Result.ok(ProfileDecoder.decode(source, keepStacks));
        } catch (PprofFormatException e) {
            return Result.err(Failure.Kind.BAD_RESPONSE, e.getMessage());
        }
    }
}
