package io.alloytop.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ForwardTextTest {
    @Test
    void stepsAreOneSanitisedLine() {
        String line = ForwardText.step(new ForwardStep(ForwardStep.Step.VERIFY, ForwardStep.State.FAILED,
                "loki.write.x is unhealthy: \u001b[2Jevil\nsecond line"));
        assertFalse(line.contains("\u001b"), line);
        assertFalse(line.contains("\n"), line);
        assertEquals("[FAIL] verify: loki.write.x is unhealthy: ", line.substring(0, line.indexOf("unhealthy: ") + 11));
    }

    @Test
    void secretsAreScrubbedFromMessages() {
        Redactor r = new Redactor(java.util.List.of(Fixtures.SECRET, "ab"));
        assertEquals("auth (secret) failed; ab stays (too short to be a key)",
                r.scrub("auth " + Fixtures.SECRET + " failed; ab stays (too short to be a key)"));
    }
}
