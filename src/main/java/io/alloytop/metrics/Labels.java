package io.alloytop.metrics;

import java.util.Arrays;

/** An immutable label set in exposition order; small, so lookups scan linearly. */
public final class Labels {
    public static final Labels EMPTY = new Labels(new String[0]);

    /** name0, value0, name1, value1, ... */
    private final String[] pairs;

    private Labels(String[] pairs) {
        this.pairs = pairs;
    }

    /** Takes ownership of the array: alternating names and values. */
    public static Labels ofPairs(String... pairs) {
        if (pairs.length % 2 != 0) throw new IllegalArgumentException("odd number of label strings");
        return pairs.length == 0 ? EMPTY : new Labels(pairs);
    }

    public int size() {
        return pairs.length / 2;
    }

    public String name(int i) {
        return pairs[2 * i];
    }

    public String value(int i) {
        return pairs[2 * i + 1];
    }

    /** The value of a label, or null when absent. */
    public String get(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(name)) return pairs[i + 1];
        }
        return null;
    }

    public boolean matches(String name, String value) {
        return value.equals(get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels l && Arrays.equals(pairs, l.pairs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pairs);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append(pairs[i]).append("=\"").append(pairs[i + 1]).append('"');
        }
        return sb.append('}').toString();
    }
}
