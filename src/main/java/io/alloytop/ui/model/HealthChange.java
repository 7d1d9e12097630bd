package io.alloytop.ui.model;

import io.alloytop.alloy.HealthState;
import java.time.Instant;

/** One observed change of a component's health, recorded since alloytop started. */
public record HealthChange(Instant seenAt, HealthState state, String message) {}
