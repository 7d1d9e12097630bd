package io.alloytop.syntax;

import java.util.ArrayList;
import java.util.List;

/** A whole config as Alloy loads it: one file, or every {@code *.alloy} file of a directory in name order. */
public final class ConfigSources {
    private ConfigSources() {}

    /** A source: the name printed in diagnostics and its bytes. */
    public record Source(String name, byte[] bytes) {}

    /** Parses each source and applies the top-level rules to them together; empty means valid. */
    public static List<Diagnostic> validate(List<Source> sources) {
        List<AlloyFile> files = new ArrayList<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Source s : sources) {
            AlloyFile f = Parser.parse(s.name(), s.bytes());
            files.add(f);
            out.addAll(f.diagnostics());
        }
        // Alloy stops at parse errors before running the loader, so report only those first.
        if (!out.isEmpty()) return out;
        return TopLevelRules.check(files);
    }

    public static List<AlloyFile> parseAll(List<Source> sources) {
        List<AlloyFile> files = new ArrayList<>();
        for (Source s : sources) files.add(Parser.parse(s.name(), s.bytes()));
        return files;
    }
}
