package io.alloytop.syntax;

/** One error found in a config file, printed the way Alloy prints it: {@code file:line:col: message}. */
public record Diagnostic(String file, Pos pos, String message) {
    @Override
    public String toString() {
        return file + ":" + pos.line() + ":" + pos.column() + ": " + message;
    }

    /** Alloy's summary form: the first diagnostic plus how many more there are. */
    public static String summary(java.util.List<Diagnostic> diags) {
        if (diags.isEmpty()) return "";
        String first = diags.get(0).toString();
        int more = diags.size() - 1;
        if (more == 0) return first;
        return first + " (and " + more + " more diagnostic" + (more == 1 ? "" : "s") + ")";
    }
}
