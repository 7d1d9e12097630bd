package io.alloytop.problems;

import io.alloytop.poll.AlloySnapshot;

/**
 * One poll as consumers see it: the snapshot (with scrape details filled in when they were fetched)
 * and the detector's verdict over it. Built on the poller's thread and handed on whole, so a view
 * never shows flows from one poll beside components from another.
 */
public record Observation(AlloySnapshot snapshot, FlowReport report) {}
