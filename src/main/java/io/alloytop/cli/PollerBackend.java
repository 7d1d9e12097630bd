package io.alloytop.cli;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.Poller;
import io.alloytop.poll.ScrapeDetails;
import io.alloytop.problems.Detector;
import io.alloytop.problems.Observation;
import io.alloytop.problems.Observer;
import io.alloytop.problems.Thresholds;
import io.alloytop.problems.ThresholdsFile;
import io.alloytop.ui.MonitorBackend;
import java.time.Duration;
import java.util.function.Consumer;

/** The monitor's data: the real Poller for snapshots, the HTTP client for component details. */
final class PollerBackend implements MonitorBackend {
    private final Target target;
    private final Duration interval;
    private volatile Poller poller;
    private volatile Observer observer;
    private volatile io.alloytop.pipeline.LiveGraphStream live;

    PollerBackend(Target target, Duration interval) {
        this.target = target;
        this.interval = interval;
    }

    @Override
    public void start(Consumer<AlloySnapshot> sink) {
        poller = target.newPoller(interval, sink);
        poller.start();
    }

    /**
     * The detector and the scrape-detail fetches run here, on the poller's thread: the UI gets each
     * snapshot together with its report. Scrape details are refreshed every 5 polls (10 s at the default).
     */
    @Override
    public void startObserved(Consumer<Observation> sink) {
        Result<Thresholds> t = ThresholdsFile.load(ThresholdsFile.defaultPath());
        io.alloytop.pipeline.LiveGraphStream live = new io.alloytop.pipeline.LiveGraphStream(target.api()).start();
        this.live = live;
        Observer observer = new Observer(new Detector(t.isOk() ? t.orNull() : Thresholds.DEFAULT),
                ScrapeDetails.defaults(target.api()), sink, live::latest);
        this.observer = observer;
        start(observer);
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
        Observer o = observer;
        if (o != null) o.close();
        io.alloytop.pipeline.LiveGraphStream l = live;
        if (l != null) l.close();
    }
}
