package io.alloytop.forward;

import java.nio.file.Path;
import java.util.Map;

/** alloytop's state directory: $XDG_STATE_HOME/alloytop, else ~/.local/state/alloytop. */
public final class StateDir {
    private StateDir() {}

    public static Path resolve(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "alloytop");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "state", "alloytop");
    }
}
