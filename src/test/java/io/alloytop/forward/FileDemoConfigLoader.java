package io.alloytop.forward;

import io.alloytop.demo.ComponentDecl;
import io.alloytop.demo.DemoConfigLoader;
import io.alloytop.demo.LoadOutcome;
import io.alloytop.syntax.AlloyFile;
import io.alloytop.syntax.ConfigSources;
import io.alloytop.syntax.Diagnostic;
import io.alloytop.syntax.Expr;
import io.alloytop.syntax.Stmt;
import io.alloytop.syntax.TopLevelRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes the demo Alloy read a real config file or directory on every load, with our parser: a
 * syntax or top-level error keeps the old graph (Alloy's "reading config path" 400); otherwise
 * every labelled top-level component becomes a demo component, referencing what its expressions
 * name. {@link #evalError} lets a test make a load fail at evaluation, which (as in Alloy) still
 * applies the new graph.
 */
final class FileDemoConfigLoader implements DemoConfigLoader {
    private final ConfigLocation location;
    volatile Function<List<ComponentDecl>, String> evalError = decls -> null;
    volatile int loads;

    FileDemoConfigLoader(ConfigLocation location) {
        this.location = location;
    }

    @Override
    public LoadOutcome load() {
        loads++;
        var disk = ConfigOnDisk.read(location);
        if (!disk.isOk()) return new LoadOutcome.SyntaxError(location.path().toString(), disk.failureOrNull().message());
        List<ConfigSources.Source> sources = disk.orNull().sources();
        List<Diagnostic> diags = ConfigSources.validate(sources);
        if (!diags.isEmpty()) return new LoadOutcome.SyntaxError(location.path().toString(), Diagnostic.summary(diags));
        List<AlloyFile> files = ConfigSources.parseAll(sources);
        List<Stmt.Block> blocks = new ArrayList<>();
        for (AlloyFile f : files) {
            for (Stmt s : f.body()) {
                if (s instanceof Stmt.Block b && TopLevelRules.isComponent(b.name()) && !b.label().isEmpty()) blocks.add(b);
            }
        }
        List<String> ids = blocks.stream().map(Stmt.Block::id).toList();
        List<ComponentDecl> decls = new ArrayList<>();
        for (Stmt.Block b : blocks) {
            Set<String> refs = new LinkedHashSet<>();
            collectRefs(b.body(), ids, refs);
            refs.remove(b.id());
            decls.add(ComponentDecl.of(b.name(), b.label()).referencing(refs.toArray(String[]::new)));
        }
        String err = evalError.apply(decls);
        if (err != null) return new LoadOutcome.EvalError(err, decls);
        return new LoadOutcome.Ok(decls);
    }

    private static void collectRefs(List<Stmt> body, List<String> ids, Set<String> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Attribute a) collectRefs(a.value(), ids, out);
            else collectRefs(((Stmt.Block) s).body(), ids, out);
        }
    }

    private static void collectRefs(Expr e, List<String> ids, Set<String> out) {
        if (e instanceof Expr.Access || e instanceof Expr.Identifier) {
            String dotted = dotted(e);
            if (dotted != null) {
                for (String id : ids) if (dotted.startsWith(id + ".")) out.add(id);
                return;
            }
        }
        if (e instanceof Expr.Access a) collectRefs(a.value(), ids, out);
        else if (e instanceof Expr.Array a) a.elements().forEach(x -> collectRefs(x, ids, out));
        else if (e instanceof Expr.ObjectExpr o) o.fields().forEach(f -> collectRefs(f.value(), ids, out));
        else if (e instanceof Expr.Index i) {
            collectRefs(i.value(), ids, out);
            collectRefs(i.index(), ids, out);
        } else if (e instanceof Expr.Call c) {
            collectRefs(c.function(), ids, out);
            c.args().forEach(x -> collectRefs(x, ids, out));
        } else if (e instanceof Expr.Unary u) collectRefs(u.value(), ids, out);
        else if (e instanceof Expr.Binary b) {
            collectRefs(b.left(), ids, out);
            collectRefs(b.right(), ids, out);
        } else if (e instanceof Expr.Paren p) collectRefs(p.inner(), ids, out);
    }

    private static String dotted(Expr e) {
        if (e instanceof Expr.Identifier i) return i.name();
        if (e instanceof Expr.Access a) {
            String left = dotted(a.value());
            return left == null ? null : left + "." + a.name();
        }
        return null;
    }
}
