package io.alloytop.poll;

/** Names of the ring-buffered series an {@link AlloySnapshot} carries. */
public final class SeriesKeys {
    public static final String ALLOY_CPU = "alloy.cpu";
    public static final String ALLOY_RSS = "alloy.rss";
    public static final String GO_HEAP = "alloy.heap";
    public static final String GOROUTINES = "alloy.goroutines";
    public static final String HOST_CPU = "host.cpu";
    public static final String HOST_MEM = "host.mem";
    public static final String SELF_CPU = "self.cpu";
    public static final String SELF_RSS = "self.rss";
    public static final String EVAL_SECONDS = "alloy.eval";
    /** Components not healthy (unhealthy + exited + unknown), modules and remote config included. Added by the poller. */
    public static final String COMPONENTS_BAD = "alloy.components.bad";

    private SeriesKeys() {}
}
