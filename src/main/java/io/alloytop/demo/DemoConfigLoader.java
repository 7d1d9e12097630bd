package io.alloytop.demo;

/**
 * What the demo reads on start and on every {@code /-/reload}: the pluggable "config file". The
 * built-in one returns the realistic set; the forward helper plugs one that parses a real file.
 */
@FunctionalInterface
public interface DemoConfigLoader {
    LoadOutcome load();
}
