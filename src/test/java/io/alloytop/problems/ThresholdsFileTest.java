package io.alloytop.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.alloytop.alloy.Result;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsFileTest {
    @Test
    void readsKeysAndIgnoresOtherSections() {
        Result<Thresholds> r = ThresholdsFile.parse("a.conf", List.of(
                "# comment", "theme = light", "problems.stall_polls = 4", "problems.stall_min_quiet=30s",
                "problems.lag_seconds = 90", "problems.flap_window = 1h"));
        Thresholds t = r.orNull();
        assertEquals(4, t.stallPolls());
        assertEquals(Duration.ofSeconds(30), t.stallMinQuiet());
        assertEquals(90, t.lagSeconds());
        assertEquals(Duration.ofHours(1), t.flapWindow());
        assertEquals(Thresholds.DEFAULT.retryPolls(), t.retryPolls());
    }

    @Test
    void errorsNameFileLineAndKey() {
        assertEquals("a.conf:2: problems.stall_polls: 'x' is not a whole number",
                ThresholdsFile.parse("a.conf", List.of("", "problems.stall_polls = x")).failureOrNull().message());
        assertEquals("a.conf:1: problems.nope: unknown key",
                ThresholdsFile.parse("a.conf", List.of("problems.nope = 1")).failureOrNull().message());
        assertEquals("a.conf:1: problems.unknown_for: '5 minutes' is not a duration (examples: 30s, 2m, 1h)",
                ThresholdsFile.parse("a.conf", List.of("problems.unknown_for = 5 minutes")).failureOrNull().message());
        assertEquals("a.conf:1: expected key = value",
                ThresholdsFile.parse("a.conf", List.of("problems.stall_polls")).failureOrNull().message());
    }
}
