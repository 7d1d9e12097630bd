package io.alloytop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PolledLineSourceTest {
    private final List<PolledLineSource.Line> feed = new ArrayList<>();

    private synchronized void add(String text) {
        feed.add(new PolledLineSource.Line(feed.size() + 1, Instant.EPOCH, text));
    }

    private synchronized List<PolledLineSource.Line> after(long seq) {
        return new ArrayList<>(feed.subList((int) seq, feed.size()));
    }

    @Test
    void backlogThenEveryNewLineOnce() throws Exception {
        for (int i = 0; i < 10; i++) add("level=info msg=old-" + i);
        Collector c = new Collector();
        try (PolledLineSource s = new PolledLineSource("feed", this::after, 3, true, Duration.ofMillis(10))) {
            s.start(c);
            c.await(e -> true, 3, 5);
            for (int i = 0; i < 5; i++) add("level=warn msg=new-" + i);
            c.await(e -> e.message().startsWith("new-"), 5, 5);
            Thread.sleep(50);
        }
        assertEquals(List.of("old-7", "old-8", "old-9", "new-0", "new-1", "new-2", "new-3", "new-4"),
                c.entries().stream().map(LogEntry::message).toList());
        assertTrue(c.finished.await(2, TimeUnit.SECONDS));
    }

    @Test
    void demoLogsThroughTheCommandAreTerminalSafe() {
        CommandRun run = CommandRun.of("--demo", "logs", "-n", "5");
        assertEquals(0, run.exitCode(), run.stderr());
        HostileJournal.assertTerminalSafe(run.stdout());
        assertEquals(5, run.lines().length, run.text());
        assertTrue(run.lines()[4].endsWith("info  {^_^} Alloy is running"), run.text());
    }
}
