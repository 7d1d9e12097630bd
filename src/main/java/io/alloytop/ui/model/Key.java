package io.alloytop.ui.model;

/** One decoded key press, independent of how the terminal encoded it. */
public record Key(Kind kind, char ch, boolean ctrl, boolean alt) {
    public enum Kind {
        CHAR, ENTER, ESC, TAB, BACKTAB, BACKSPACE, DELETE, UP, DOWN, LEFT, RIGHT, HOME, END, PAGE_UP, PAGE_DOWN, F1
    }

    public static Key ch(char c) {
        return new Key(Kind.CHAR, c, false, false);
    }

    public static Key ctrl(char c) {
        return new Key(Kind.CHAR, Character.toLowerCase(c), true, false);
    }

    public static Key of(Kind k) {
        return new Key(k, '\0', false, false);
    }

    public boolean isChar(char c) {
        return kind == Kind.CHAR && ch == c && !ctrl && !alt;
    }

    public boolean isPrintable() {
        return kind == Kind.CHAR && !ctrl && !alt && ch >= ' ' && ch != 127;
    }

    /** How help and the footer name this key. */
    public String display() {
        if (kind != Kind.CHAR) {
            switch (kind) {
                case ENTER: return "Enter";
                case ESC: return "Esc";
                case TAB: return "Tab";
                case BACKTAB: return "S-Tab";
                case BACKSPACE: return "Bksp";
                case DELETE: return "Del";
                case UP: return "↑";
                case DOWN: return "↓";
                case LEFT: return "←";
                case RIGHT: return "→";
                case HOME: return "Home";
                case END: return "End";
                case PAGE_UP: return "PgUp";
                case PAGE_DOWN: return "PgDn";
                default: return kind.name();
            }
        }
        if (ctrl) return "^" + Character.toUpperCase(ch);
        if (alt) return "M-" + ch;
        return ch == ' ' ? "Space" : String.valueOf(ch);
    }
}
