package io.alloytop.poll;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.metrics.MetricsSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one poll learned, immutable, handed from the poller to whoever renders it
 * (the UI thread, `check`). When Alloy could not be reached, {@code failure} is set and the
 * other fields hold the last good values (or are empty) so views can show them as stale.
 *
 * @param at              when this poll finished
 * @param target          the base URL polled
 * @param failure         null when the last poll succeeded
 * @param lastGoodAt      when data was last fetched successfully (null if never)
 * @param version         alloy_build_info{version}, "" when unknown
 * @param isAlloy         false when /metrics has no alloy_build_info (e.g. a Prometheus server)
 * @param ready           /-/ready answered 200
 * @param startEpochSeconds process_start_time_seconds (NaN when unknown)
 * @param config          config load state, null when unknown
 * @param components      every component, modules and remote config included
 * @param componentsFailure set when the list failed while /metrics worked
 * @param stats           resource figures of this poll
 * @param history         ring-buffered series by key (see {@link SeriesKeys})
 * @param metrics         the latest parsed /metrics (null when never fetched)
 * @param restarts        restarts seen since alloytop started (start time changed)
 */
public record AlloySnapshot(
        Instant at,
        String target,
        Failure failure,
        Instant lastGoodAt,
        String version,
        boolean isAlloy,
        boolean ready,
        double startEpochSeconds,
        ConfigState config,
        List<Component> components,
        Failure componentsFailure,
        Stats stats,
        Map<String, SeriesView> history,
        MetricsSnapshot metrics,
        int restarts) {

    public boolean reachable() {
        return failure == null;
    }

    public SeriesView series(String key) {
        SeriesView v = history == null ? null : history.get(key);
        return v == null ? SeriesView.EMPTY : v;
    }
}
