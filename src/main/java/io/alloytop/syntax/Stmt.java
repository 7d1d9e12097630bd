package io.alloytop.syntax;

import java.util.List;

/** A statement in a body: an attribute or a block. */
public sealed interface Stmt {
    Pos start();

    /** {@code name = value}. */
    record Attribute(String name, Pos start, Expr value) implements Stmt {}

    /**
     * {@code a.b.c "label" { ... }}. {@code end} is the offset just past the closing brace, so tools
     * can cut a block out of the source exactly.
     */
    record Block(List<String> nameParts, String label, Pos start, Pos labelPos, List<Stmt> body, int end)
            implements Stmt {
        public Block {
            nameParts = List.copyOf(nameParts);
            body = List.copyOf(body);
            label = label == null ? "" : label;
        }

        public String name() {
            return String.join(".", nameParts);
        }

        /** {@code name.label}, or just the name when there is no label: Alloy's component ID. */
        public String id() {
            return label.isEmpty() ? name() : name() + "." + label;
        }
    }
}
