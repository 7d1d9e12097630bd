package io.alloytop.problems;

import java.time.Instant;

/**
 * Something an operator must look at, with a reason in plain language.
 *
 * @param componentId the global component ID, or "" for process-wide problems (restart, reload)
 * @param since       when alloytop first saw it
 */
public record Problem(Kind kind, Severity severity, String componentId, String reason, Instant since) {
    public enum Severity { WARNING, CRITICAL }

    public enum Kind {
        STALLED, DROPPING, FAILING, RETRYING, LAG_GROWING, TARGET_DOWN, PARSE_ERRORS,
        UNHEALTHY, EXITED, STUCK_UNKNOWN, SLOW_EVALUATION, EVAL_QUEUE_GROWING, RELOAD_FAILED,
        RESTARTED, FLAPPING
    }

    /** Identity for tracking a problem across polls: same kind on the same component. */
    public String key() {
        return kind + "|" + componentId;
    }
}
