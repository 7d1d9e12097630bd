package io.alloytop.forward;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified diffs for alloytop's edits. Every edit is one contiguous region (a block appended,
 * replaced or removed), so trimming the common prefix and suffix gives an exact single-hunk diff.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    public static String of(String oldName, byte[] before, String newName, byte[] after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) pre++;
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) suf++;
        if (pre == a.size() && pre == b.size()) return "";
        int ctxStart = Math.max(0, pre - CONTEXT);
        int aEnd = a.size() - suf, bEnd = b.size() - suf;
        int aCtxEnd = Math.min(a.size(), aEnd + CONTEXT);
        int bCtxEnd = Math.min(b.size(), bEnd + CONTEXT);
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(before == null ? "/dev/null" : oldName).append('\n');
        sb.append("+++ ").append(after == null ? "/dev/null" : newName).append('\n');
        sb.append("@@ -").append(range(ctxStart, aCtxEnd - ctxStart)).append(" +")
          .append(range(ctxStart, bCtxEnd - ctxStart)).append(" @@\n");
        for (int i = ctxStart; i < pre; i++) line(sb, ' ', a.get(i));
        for (int i = pre; i < aEnd; i++) line(sb, '-', a.get(i));
        for (int i = pre; i < bEnd; i++) line(sb, '+', b.get(i));
        for (int i = aEnd; i < aCtxEnd; i++) line(sb, ' ', a.get(i));
        return sb.toString();
    }

    private static String range(int start, int count) {
        if (count == 0) return start + ",0";
        return (start + 1) + (count == 1 ? "" : "," + count);
    }

    private static void line(StringBuilder sb, char tag, String l) {
        boolean noNewline = !l.endsWith("\n");
        sb.append(tag).append(noNewline ? l : l.substring(0, l.length() - 1)).append('\n');
        if (noNewline) sb.append("\\ No newline at end of file\n");
    }

    /** Lines with their terminators kept, so a missing final newline shows as a difference. */
    private static List<String> lines(byte[] bytes) {
        List<String> out = new ArrayList<>();
        if (bytes == null) return out;
        String s = new String(bytes, StandardCharsets.UTF_8);
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf('\n', i);
            int end = nl < 0 ? s.length() : nl + 1;
            out.add(s.substring(i, end));
            i = end;
        }
        return out;
    }
}
