package io.alloytop.poll;

/**
 * An immutable copy of one ring-buffered series, oldest first. NaN marks a gap (Alloy down,
 * or the first point after a counter reset), which sparklines draw as blank, never as a spike.
 */
public record SeriesView(double[] values, long[] epochMillis) {
    public static final SeriesView EMPTY = new SeriesView(new double[0], new long[0]);

    public int size() {
        return values.length;
    }

    /** The newest non-NaN value, or NaN when there is none. */
    public double last() {
        for (int i = values.length - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) return values[i];
        }
        return Double.NaN;
    }

    public double min() {
        double m = Double.NaN;
        for (double v : values) if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) m = v;
        return m;
    }

    public double max() {
        double m = Double.NaN;
        for (double v : values) if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) m = v;
        return m;
    }
}
