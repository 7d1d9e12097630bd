package io.alloytop.problems;

import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.ScrapeDetails;
import java.util.function.Consumer;

/**
 * The source side of problem detection: a poller consumer that fills in scrape details, runs the
 * {@link Detector} and hands each {@link Observation} on. It runs on the poller's thread (the
 * detector is single-threaded and the detail fetches block), so the UI thread only receives
 * finished, immutable results. `check` uses the same path through {@link #observe}.
 */
public final class Observer implements Consumer<AlloySnapshot>, AutoCloseable {
    private final Detector detector;
    private final ScrapeDetails details;
    private final Consumer<Observation> sink;

    /** @param details null to skip scrape details (then no TARGET_DOWN is ever reported) */
    public Observer(Detector detector, ScrapeDetails details, Consumer<Observation> sink) {
        this.detector = detector;
        this.details = details;
        this.sink = sink;
    }

    /** One poll through details and detector; also what {@link #accept} hands to the sink. */
    public Observation observe(AlloySnapshot s) {
        AlloySnapshot filled = details == null ? s : details.apply(s);
        return new Observation(filled, detector.step(filled));
    }

    @Override
    public void accept(AlloySnapshot s) {
        sink.accept(observe(s));
    }

    @Override
    public void close() {
        if (details != null) details.close();
    }
}
