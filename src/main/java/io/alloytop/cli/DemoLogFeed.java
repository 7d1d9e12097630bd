package io.alloytop.cli;

import io.alloytop.demo.DemoLogs;
import io.alloytop.logs.LogSource;
import io.alloytop.logs.PolledLineSource;
import java.time.Duration;

/** The demo Alloy's generated log lines as a {@link LogSource}; the logs package stays free of the demo. */
public final class DemoLogFeed {
    private DemoLogFeed() {}

    public static LogSource source(DemoLogs logs, int backlog, boolean follow) {
        return new PolledLineSource("demo: simulated alloy.service",
                after -> logs.linesAfter(after).stream()
                        .map(l -> new PolledLineSource.Line(l.seq(), l.time(), l.text())).toList(),
                backlog, follow, Duration.ofMillis(100));
    }
}
