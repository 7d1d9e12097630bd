package io.alloytop.syntax;

import java.util.List;

/** One parsed file: its name (as printed in diagnostics), top-level statements and any diagnostics. */
public record AlloyFile(String name, List<Stmt> body, List<Diagnostic> diagnostics) {
    public AlloyFile {
        body = List.copyOf(body);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
