package io.alloytop.cli;

import io.alloytop.demo.DemoLogs;
import io.alloytop.logs.LineParser;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogSink;
import io.alloytop.logs.LogSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The embedded demo's log lines, parsed like any other Alloy log, for the monitor's logs pane. */
final class DemoLogSource implements LogSource {
    private final DemoLogs logs;
    private volatile AutoCloseable subscription;

    DemoLogSource(DemoLogs logs) {
        this.logs = logs;
    }

    @Override
    public void start(LogSink sink) {
        // subscribe first, then read the backlog up to the newest sequence seen, so nothing is lost
        List<DemoLogs.Line> backlog = logs.linesAfter(0);
        List<LogEntry> first = new ArrayList<>(backlog.size());
        for (DemoLogs.Line l : backlog) first.add(LineParser.parse(l.text(), l.time(), null));
        subscription = logs.subscribe(text -> sink.entries(List.of(LineParser.parse(text, Instant.now(), null))));
        if (!first.isEmpty()) sink.entries(first);
    }

    @Override
    public String describe() {
        return "demo: simulated alloy.service";
    }

    @Override
    public void close() {
        AutoCloseable s = subscription;
        if (s == null) return;
        try {
            s.close();
        } catch (Exception ignored) {
            // unsubscribing from an in-process list cannot fail in a way worth reporting
        }
    }
}
