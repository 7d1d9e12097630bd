package io.alloytop.pprof;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * pprof's drop_frames/keep_frames: a frame whose (simplified) function name matches drop_frames,
 * and not keep_frames, is cut from each location together with everything inlined into it, and
 * every sample loses the frames from its leaf up to the cut. Go's runtime never sets these fields;
 * other producers (and Go's legacy converters) do.
 */
final class FramePruning {
    private final Pattern drop;
    private final Pattern keep;

    private FramePruning(Pattern drop, Pattern keep) {
        this.drop = drop;
        this.keep = keep;
    }

    /** Null when there is nothing to prune; like pprof, an invalid expression prunes nothing. */
    static FramePruning of(String dropFrames, String keepFrames) {
        if (dropFrames == null || dropFrames.isEmpty()) return null;
        try {
            Pattern drop = Pattern.compile("^(" + dropFrames + ")\\z");
            Pattern keep = keepFrames == null || keepFrames.isEmpty() ? null : Pattern.compile("^(" + keepFrames + ")\\z");
            return new FramePruning(drop, keep);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /**
     * For one location's function names (innermost first), the index of the outermost dropped
     * line, or -1. Lines up to and including it go; a location whose outermost line goes is pruned whole.
     */
    int cut(String[] lineNames) {
        for (int i = lineNames.length - 1; i >= 0; i--) {
            String name = lineNames[i];
            if (name == null || name.isEmpty()) continue;
            String f = simplify(name);
            if (drop.matcher(f).find() && (keep == null || !keep.matcher(f).find())) return i;
        }
        return -1;
    }

    /** pprof's simplifyFunc: no leading '.', no argument list, but "(anonymous namespace)" and "operator()" stay. */
    static String simplify(String name) {
        String f = name.startsWith(".") ? name.substring(1) : name;
        int from = 0;
        while (true) {
            int paren = f.indexOf('(', from);
            if (paren < 0) return f;
            if (f.startsWith("(anonymous namespace)", paren)) {
                from = paren + "(anonymous namespace)".length();
            } else if (paren >= "operator".length() && f.startsWith("operator()", paren - "operator".length())) {
                from = paren + 2;
            } else {
                return f.substring(0, paren);
            }
        }
    }
}
