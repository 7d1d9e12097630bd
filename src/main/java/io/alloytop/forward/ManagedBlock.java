package io.alloytop.forward;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;

/**
 * The clearly marked region alloytop owns inside a single-file config. Everything outside the
 * markers is left byte for byte as it was.
 */
public final class ManagedBlock {
    public static final String BEGIN = "// BEGIN alloytop forward: managed by alloytop, `alloytop forward off` removes it";
    public static final String END = "// END alloytop forward";

    private ManagedBlock() {}

    /** Character offsets of the region: from the start of the BEGIN line to just past the END line. */
    public record Span(int start, int end) {}

    /** Ok(null) when there is no block; Err when the markers are damaged (one without the other, or twice). */
    public static Result<Span> find(String text) {
        int b = lineIndex(text, BEGIN, 0);
        int e = lineIndex(text, END, 0);
        if (b < 0 && e < 0) return Result.ok(null);
        if (b < 0 || e < 0 || e < b) {
            return Result.err(Failure.Kind.BAD_RESPONSE,
                    "the alloytop markers in the config are damaged (a BEGIN or END line is missing); fix them by hand");
        }
        if (lineIndex(text, BEGIN, b + 1) >= 0 || lineIndex(text, END, e + 1) >= 0) {
            return Result.err(Failure.Kind.BAD_RESPONSE, "the config has more than one alloytop block; keep one by hand");
        }
        int end = text.indexOf('\n', e);
        end = end < 0 ? text.length() : end + 1;
        return Result.ok(new Span(b, end));
    }

    /** Index of a line that starts with the marker (leading spaces allowed), from {@code from}. */
    private static int lineIndex(String text, String marker, int from) {
        int i = from;
        while ((i = text.indexOf(marker, i)) >= 0) {
            int ls = text.lastIndexOf('\n', i - 1) + 1;
            if (text.substring(ls, i).isBlank()) return ls;
            i += marker.length();
        }
        return -1;
    }

    public static String wrap(String generated) {
        return BEGIN + "\n" + generated + (generated.endsWith("\n") ? "" : "\n") + END + "\n";
    }

    /** The text with the block added at the end, or replacing the existing one. */
    public static Result<String> put(String text, String generated) {
        Result<Span> found = find(text);
        if (!found.isOk()) return Result.err(found.failureOrNull());
        Span s = found.orNull();
        String block = wrap(generated);
        if (s != null) return Result.ok(text.substring(0, s.start()) + block + text.substring(s.end()));
        StringBuilder sb = new StringBuilder(text);
        if (!text.isEmpty()) {
            if (!text.endsWith("\n")) sb.append('\n');
            sb.append('\n');
        }
        return Result.ok(sb.append(block).toString());
    }

    /** The text without the block (and without the blank line {@link #put} put before it). */
    public static Result<String> remove(String text) {
        Result<Span> found = find(text);
        if (!found.isOk()) return Result.err(found.failureOrNull());
        Span s = found.orNull();
        if (s == null) return Result.ok(text);
        int start = s.start();
        if (start >= 2 && text.charAt(start - 1) == '\n' && text.charAt(start - 2) == '\n') start--;
        return Result.ok(text.substring(0, start) + text.substring(s.end()));
    }

    /** The text with the block blanked out but line numbers kept, to find what the user's own part declares. */
    public static String outside(String text) {
        Result<Span> found = find(text);
        Span s = found.orNull();
        if (s == null) return text;
        StringBuilder sb = new StringBuilder(text.substring(0, s.start()));
        for (int i = s.start(); i < s.end(); i++) sb.append(text.charAt(i) == '\n' ? '\n' : ' ');
        return sb.append(text.substring(s.end())).toString();
    }

    /** The generated text between the markers, or null. */
    public static String inside(String text) {
        Span s = find(text).orNull();
        if (s == null) return null;
        String region = text.substring(s.start(), s.end());
        int first = region.indexOf('\n') + 1;
        int last = region.lastIndexOf(END);
        return first <= last ? region.substring(first, last) : "";
    }
}
