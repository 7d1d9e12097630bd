package io.alloytop.problems;

import java.time.Duration;

/**
 * Tunables of the problem rules. Defaults are chosen so a steady, healthy pipeline raises
 * nothing: writers batch (loki.write waits up to 1 s, pyroscope.write follows the 15 s scrape),
 * so a stall needs both several quiet polls and a minimum quiet time.
 *
 * @param stallPolls         quiet polls (out counter unchanged while inputs moved) before STALLED
 * @param stallMinQuiet      and at least this long without a send
 * @param retryPolls         consecutive polls with retries increasing before RETRYING
 * @param lagSeconds         remote-write lag above which a growing lag is reported
 * @param lagPolls           consecutive polls of growth before LAG_GROWING
 * @param unknownFor         a component stuck in "unknown" this long is reported
 * @param evalQueue          evaluation queue size above which growth is reported
 * @param flapRestarts       restarts within flapWindow that make FLAPPING
 * @param restartMemory      how long a restart stays listed
 */
public record Thresholds(int stallPolls, Duration stallMinQuiet, int retryPolls, double lagSeconds, int lagPolls,
                         Duration unknownFor, double evalQueue, int flapRestarts, Duration flapWindow,
                         Duration restartMemory) {
    public static final Thresholds DEFAULT = new Thresholds(2, Duration.ofSeconds(3), 2, 60, 3,
            Duration.ofMinutes(2), 10, 3, Duration.ofMinutes(15), Duration.ofMinutes(10));
}
