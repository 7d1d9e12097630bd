package io.alloytop.poll;

/** A fixed-size ring of (time, value) points; the oldest is overwritten. Not thread-safe: the poller owns it. */
final class Ring {
    private final double[] values;
    private final long[] times;
    private int next;
    private int size;

    Ring(int capacity) {
        values = new double[capacity];
        times = new long[capacity];
    }

    void add(long epochMillis, double value) {
        values[next] = value;
        times[next] = epochMillis;
        next = (next + 1) % values.length;
        if (size < values.length) size++;
    }

    int size() {
        return size;
    }

    int capacity() {
        return values.length;
    }

    /** Oldest first. */
    SeriesView view() {
        double[] v = new double[size];
        long[] t = new long[size];
        int start = (next - size + values.length) % values.length;
        for (int i = 0; i < size; i++) {
            int j = (start + i) % values.length;
            v[i] = values[j];
            t[i] = times[j];
        }
        return new SeriesView(v, t);
    }
}
