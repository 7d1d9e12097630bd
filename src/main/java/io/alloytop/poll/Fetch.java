package io.alloytop.poll;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.util.List;

/** The raw answers of one poll, before they are turned into an {@link AlloySnapshot}. */
public record Fetch(Result<MetricsSnapshot> metrics, Result<List<Component>> components, Result<Boolean> ready) {}
