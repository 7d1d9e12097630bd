package io.alloytop.ui.model;

import java.time.Duration;

/** Effects asked for by update(); the loop runs them off the UI thread and answers with events. */
public sealed interface Command {
    record RefreshNow() implements Command {}

    record SetInterval(Duration interval) implements Command {}

    record LoadDetail(String globalId) implements Command {}

    /** Written to the terminal as OSC 52 so the copy works over SSH too. */
    record CopyToClipboard(String text) implements Command {}

    record Quit() implements Command {}
}
