package io.alloytop.ui;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.problems.FlowReport;
import io.alloytop.problems.Observation;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the UI needs from the outside world, so the ui package never touches the HTTP client:
 * the cli wires the Poller and AlloyApi behind it, tests give a fake.
 */
public interface MonitorBackend extends AutoCloseable {
    /** Starts polling; each snapshot is handed to {@code sink} from the poller's own thread. */
    void start(Consumer<AlloySnapshot> sink);

    /**
     * Starts polling with the problem detector on the poller's side: each snapshot arrives with its
     * report. Backends without a detector hand an empty report.
     */
    default void startObserved(Consumer<Observation> sink) {
        start(s -> sink.accept(new Observation(s, FlowReport.EMPTY)));
    }

    void refreshNow();

    void setInterval(Duration interval);

    /** Blocking detail fetch; the UI only calls it from its effects thread. */
    Result<Component> component(String globalId);

    @Override
    void close();
}
