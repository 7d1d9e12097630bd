package io.alloytop.ui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-line editor behind `/` and `:`, drawn in the footer. A small model of our own rather
 * than JLine's LineReader: LineReader wants to own the terminal and redraw it, which fights the
 * Lanterna screen; this keeps editing a pure function testable without a tty.
 */
public record InputLine(Mode mode, String text, int cursor, int historyIndex, String draft) {
    public enum Mode { FILTER, COMMAND }

    public static InputLine start(Mode mode, String initial) {
        return new InputLine(mode, initial, initial.length(), -1, initial);
    }

    public String prompt() {
        return mode == Mode.FILTER ? "/" : ":";
    }

    public InputLine insert(char c) {
        String t = text.substring(0, cursor) + c + text.substring(cursor);
        return new InputLine(mode, t, cursor + 1, -1, t);
    }

    public InputLine backspace() {
        if (cursor == 0) return this;
        String t = text.substring(0, cursor - 1) + text.substring(cursor);
        return new InputLine(mode, t, cursor - 1, -1, t);
    }

    public InputLine delete() {
        if (cursor >= text.length()) return this;
        String t = text.substring(0, cursor) + text.substring(cursor + 1);
        return new InputLine(mode, t, cursor, -1, t);
    }

    public InputLine left() {
        return new InputLine(mode, text, Math.max(0, cursor - 1), historyIndex, draft);
    }

    public InputLine right() {
        return new InputLine(mode, text, Math.min(text.length(), cursor + 1), historyIndex, draft);
    }

    public InputLine home() {
        return new InputLine(mode, text, 0, historyIndex, draft);
    }

    public InputLine end() {
        return new InputLine(mode, text, text.length(), historyIndex, draft);
    }

    /** Ctrl-U: kill to the start of the line, as in readline. */
    public InputLine killToStart() {
        String t = text.substring(cursor);
        return new InputLine(mode, t, 0, -1, t);
    }

    /** Up through history (newest first); {@code history} is oldest first. */
    public InputLine older(List<String> history) {
        if (history.isEmpty()) return this;
        int i = historyIndex < 0 ? history.size() - 1 : Math.max(0, historyIndex - 1);
        String t = history.get(i);
        return new InputLine(mode, t, t.length(), i, draft);
    }

    public InputLine newer(List<String> history) {
        if (historyIndex < 0) return this;
        if (historyIndex + 1 >= history.size()) return new InputLine(mode, draft, draft.length(), -1, draft);
        String t = history.get(historyIndex + 1);
        return new InputLine(mode, t, t.length(), historyIndex + 1, draft);
    }

    /**
     * Tab: complete the word at the end from {@code candidates}; with several matches, extend to
     * their common prefix (the caller shows the list).
     */
    public InputLine complete(List<String> candidates) {
        int sp = text.lastIndexOf(' ') + 1;
        String word = text.substring(sp);
        List<String> m = matches(candidates, word);
        if (m.isEmpty()) return this;
        String common = m.get(0);
        for (String s : m) common = commonPrefix(common, s);
        String t = text.substring(0, sp) + (m.size() == 1 ? m.get(0) + " " : common);
        return new InputLine(mode, t, t.length(), -1, t);
    }

    public static List<String> matches(List<String> candidates, String word) {
        List<String> m = new ArrayList<>();
        for (String c : candidates) if (c.startsWith(word)) m.add(c);
        return m;
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return a.substring(0, i);
    }
}
