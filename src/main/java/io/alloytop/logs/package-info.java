/**
 * Alloy's own logs: sources, parsing, and the bounded model the logs pane draws.
 *
 * <h2>Wiring (monitor)</h2>
 * <pre>{@code
 * LogSources.Choice c = LogSources.select(logOptions.settings());     // cli.LogOptions mixin
 * LogBuffer buffer = new LogBuffer(logOptions.ringSize());            // --log-lines
 * if (c.source() != null) c.source().start(new LogSink() {            // runs on the source's thread
 *     public void entries(List<LogEntry> batch) { buffer.append(batch); post(new LogsChanged()); }
 *     public void status(String msg, boolean error) { post(new LogStatus(msg, error)); }
 * });                                                                 // else show c.reason() in the pane
 * // UI thread, in update(): view = view.update(buffer.snapshot());   O(new lines), never blocks on I/O
 * }</pre>
 * {@link io.alloytop.logs.LogView} then gives rows, filter, search highlights, n/N and pause/follow;
 * every row's {@link io.alloytop.logs.LogLine#text()} is already sanitised. Entry fields
 * (component, time) are raw: pass them through {@link io.alloytop.text.Sanitizer} when drawn.
 * For the detail view use {@code Sanitizer.multiline(entry.message())} and
 * {@link io.alloytop.text.DisplayWidth#wrap}.
 *
 * <h2>Sources</h2>
 * {@link io.alloytop.logs.JournalctlSource} (local journal or --journal-dir),
 * {@link io.alloytop.logs.GatewaySource} (systemd-journal-gatewayd, resumes by cursor),
 * {@link io.alloytop.logs.FileSource} (tail -F), {@link io.alloytop.logs.PolledLineSource} (the demo).
 */
package io.alloytop.logs;
