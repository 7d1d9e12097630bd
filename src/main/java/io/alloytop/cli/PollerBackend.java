package io.alloytop.cli;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Poller;
import io.alloytop.ui.MonitorBackend;
import java.time.Duration;
import java.util.function.Consumer;

/** The monitor's data: the real Poller for snapshots, the HTTP client for component details. */
final class PollerBackend implements MonitorBackend {
    private final Target target;
    private final Duration interval;
    private volatile Poller poller;

    PollerBackend(Target target, Duration interval) {
        this.target = target;
        this.interval = interval;
    }

    @Override
    public void start(Consumer<AlloySnapshot> sink) {
        poller = target.newPoller(interval, sink);
        poller.start();
    }

    @Override
    public void refreshNow() {
        Poller p = poller;
        if (p != null) p.refreshNow();
    }

    @Override
    public void setInterval(Duration d) {
        Poller p = poller;
        if (p != null) p.setInterval(d);
    }

    @Override
    public Result<Component> component(String globalId) {
        return target.api().component(globalId);
    }

    @Override
    public void close() {
        Poller p = poller;
        if (p != null) p.close();
    }
}
