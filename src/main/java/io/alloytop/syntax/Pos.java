package io.alloytop.syntax;

/**
 * A place in a source file. {@code column} counts bytes from 1, as Alloy's diagnostics do, so our
 * line:column agrees with what `alloy fmt` and the reload body print for the same file.
 */
public record Pos(int offset, int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
