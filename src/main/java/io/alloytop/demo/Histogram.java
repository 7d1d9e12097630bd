package io.alloytop.demo;

/** A classic Prometheus histogram: fixed upper bounds, counts kept per bucket, rendered cumulatively. */
final class Histogram {
    static final double[] EVAL_BUCKETS = {.005, .025, .1, .5, 1, 5, 10, 30, 60, 120, 300, 600};
    static final double[] REMOTE_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 25, 60, 120, 300};
    static final double[] DEF_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    final double[] bounds;
    final long[] counts;
    double sum;
    long count;

    Histogram(double[] bounds) {
        this.bounds = bounds;
        this.counts = new long[bounds.length];
    }

    void observe(double v) {
        for (int i = 0; i < bounds.length; i++) {
            if (v <= bounds[i]) {
                counts[i]++;
                break;
            }
        }
        sum += v;
        count++;
    }

    void reset() {
        java.util.Arrays.fill(counts, 0);
        sum = 0;
        count = 0;
    }

    long cumulative(int i) {
        long c = 0;
        for (int k = 0; k <= i; k++) c += counts[k];
        return c;
    }
}
