package io.alloytop.forward;

/** One event of a forward run, for the CLI to print and the UI to draw as a checklist. */
public record ForwardStep(Step step, State state, String message) {
    public enum Step { PREFLIGHT, MEASURE, VALIDATE, BACKUP, WRITE, RELOAD, VERIFY, ROLLBACK, DONE }

    public enum State { RUNNING, OK, WARN, FAILED, SKIPPED }

    @Override
    public String toString() {
        return step.name().toLowerCase(java.util.Locale.ROOT) + " " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (message.isEmpty() ? "" : ": " + message);
    }
}
