package io.alloytop.alloy;

/** A component's health as Alloy reports it; {@code updatedTime} is kept as sent (RFC3339Nano, any offset). */
public record Health(HealthState state, String message, String updatedTime) {
    public Health {
        state = state == null ? HealthState.UNKNOWN : state;
        message = message == null ? "" : message;
        updatedTime = updatedTime == null ? "" : updatedTime;
    }
}
