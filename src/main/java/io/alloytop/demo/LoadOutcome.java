package io.alloytop.demo;

import java.util.List;

/** The result of reading the config, mirroring Alloy's three reload outcomes (facts §3). */
public sealed interface LoadOutcome {

    /** Parsed and evaluated: the graph becomes exactly these components. */
    record Ok(List<ComponentDecl> components) implements LoadOutcome {
        public Ok {
            components = List.copyOf(components);
        }
    }

    /**
     * A file-read or parse error: 400 with {@code reading config path ...}, nothing changes,
     * {@code alloy_config_last_load_successful} drops to 0. The message is the text after
     * {@code reading config path "<path>": }, e.g. {@code /etc/alloy/config.alloy:12:3: expected ...}.
     */
    record SyntaxError(String path, String message) implements LoadOutcome {}

    /**
     * An evaluation error: 400 {@code error during the initial load: <message>}, yet the new graph is
     * applied and the config metrics still report success (facts §0.5).
     */
    record EvalError(String message, List<ComponentDecl> newComponents) implements LoadOutcome {
        public EvalError {
            newComponents = List.copyOf(newComponents);
        }
    }
}
