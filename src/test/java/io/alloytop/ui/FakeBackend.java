package io.alloytop.ui;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.poll.AlloySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A backend that invents snapshots: for trying the UI before the poller and demo are wired. */
public final class FakeBackend implements MonitorBackend {
    private final int n;
    private final ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-poller");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<AlloySnapshot> sink;
    private volatile long period = 1000;
    private volatile int tick;

    public FakeBackend(int n) {
        this.n = n;
    }

    @Override
    public void start(Consumer<AlloySnapshot> s) {
        sink = s;
        schedule(0);
    }

    private void schedule(long delay) {
        ex.schedule(() -> {
            emit();
            schedule(period);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void emit() {
        List<Component> comps = Samples.many(n, tick++ / 10);
        sink.accept(Samples.ok(comps, Instant.now()));
    }

    @Override
    public void refreshNow() {
        ex.execute(this::emit);
    }

    @Override
    public void setInterval(Duration d) {
        period = d.toMillis();
    }

    @Override
    public Result<Component> component(String globalId) {
        Component c = Samples.small().get(2);
        return Result.ok(new Component(c.name(), globalId, "", "x", c.referencesTo(), c.referencedBy(), c.dataFlowEdgesTo(),
                c.health(), Samples.json(DetailSamples.SCRAPE_ARGS), Samples.json("[]"), Samples.json(DetailSamples.SCRAPE_DEBUG),
                List.of(), true));
    }

    @Override
    public void close() {
        ex.shutdownNow();
    }
}
