package io.alloytop.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks Alloy's loader makes on the top level of the combined sources (facts §6.4, §9) that
 * need no component registry: no top-level attributes, singletons at most once, and every
 * component labelled, with a label unique per component name across all files.
 */
public final class TopLevelRules {
    public static final Set<String> SINGLETONS = Set.of("logging", "tracing", "http", "remotecfg", "livedebugging");

    private static final Set<String> OTHER_CONFIG_BLOCKS = Set.of(
            "declare", "argument", "export", "foreach", "import.file", "import.string", "import.http", "import.git");

    private TopLevelRules() {}

    public static boolean isComponent(String blockName) {
        return !SINGLETONS.contains(blockName) && !OTHER_CONFIG_BLOCKS.contains(blockName);
    }

    /** Files in load order (Alloy sorts a directory's files by name). */
    public static List<Diagnostic> check(List<AlloyFile> files) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, Where> seen = new LinkedHashMap<>();
        for (AlloyFile f : files) {
            for (Stmt s : f.body()) {
                if (s instanceof Stmt.Attribute a) {
                    out.add(new Diagnostic(f.name(), a.start(), "unrecognized attribute " + a.name()));
                    continue;
                }
                Stmt.Block b = (Stmt.Block) s;
                String name = b.name();
                if (SINGLETONS.contains(name)) {
                    if (!b.label().isEmpty()) {
                        out.add(new Diagnostic(f.name(), b.start(), "block " + name + " does not support labels"));
                    }
                    claim(out, seen, name, new Where(f.name(), b.start()));
                    continue;
                }
                if (OTHER_CONFIG_BLOCKS.contains(name) || isComponent(name)) {
                    if (b.label().isEmpty()) {
                        out.add(new Diagnostic(f.name(), b.start(), "component \"" + name + "\" must have a label"));
                        continue;
                    }
                    claim(out, seen, b.id(), new Where(f.name(), b.start()));
                }
            }
        }
        return out;
    }

    private record Where(String file, Pos pos) {
        @Override
        public String toString() {
            return file + ":" + pos;
        }
    }

    private static void claim(List<Diagnostic> out, Map<String, Where> seen, String id, Where here) {
        Where prev = seen.putIfAbsent(id, here);
        if (prev != null) {
            out.add(new Diagnostic(here.file(), here.pos(), "block " + id + " already declared at " + prev));
        }
    }
}
