package io.alloytop.ui;

import io.alloytop.forward.ForwardSession;
import io.alloytop.forward.Signal;
import io.alloytop.pprof.CaptureEvent;
import io.alloytop.pprof.ProfileCapture;
import io.alloytop.pprof.ProfileStore;
import io.alloytop.pprof.ProfileType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the `p` and `f` keys need from outside the UI: profile captures and the forwarding session.
 * The cli wires the real target behind it; every method may block and is called off the UI thread.
 */
public interface ActionBackend extends AutoCloseable {
    ProfileCapture capture(ProfileType type, int seconds, Consumer<CaptureEvent> listener);

    ProfileStore store();

    /** Null when forwarding can be changed here; else what the user must do (e.g. --demo without --config-path). */
    String forwardUnavailable();

    /** alloytop's environment (GCLOUD_* names), to see what is missing before asking. */
    Map<String, String> env();

    /** A session whose environment is alloytop's plus {@code extra} (the key typed in the UI). */
    ForwardSession forwardSession(Map<String, String> extra);

    /** --config-path, or null to let the forward feature find Alloy's config. */
    Path configPath();

    Set<Signal> signals();

    @Override
    void close();
}
