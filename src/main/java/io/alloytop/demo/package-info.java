/**
 * The embedded demo Alloy: {@code --demo}, {@code alloytop demo-server}, and the test fixture for the
 * rest of alloytop. It reproduces what alloy-facts.md says a real Alloy's HTTP server does.
 *
 * <p>In a test:
 * <pre>{@code
 * DemoClock clock = DemoClock.at(Instant.parse("2026-11-22T09:00:00Z"));
 * try (DemoAlloy demo = DemoAlloy.start(DemoOptions.defaults().withClock(clock))) {
 *     demo.faults().stallWriter("prometheus.remote_write.grafana_cloud");
 *     clock.advance(Duration.ofSeconds(30));          // values move only with the clock
 *     ... poll demo.baseUrl() ...
 * }
 * }</pre>
 * Component IDs of the default set: see {@link io.alloytop.demo.BuiltinConfig}. Writers:
 * {@code prometheus.remote_write.grafana_cloud}, {@code loki.write.grafana_cloud},
 * {@code pyroscope.write.grafana_cloud}, {@code otelcol.exporter.otlp.grafana_cloud},
 * {@code remotecfg/prometheus.remote_write.fleet}; scrapes: {@code prometheus.scrape.self},
 * {@code prometheus.scrape.services}; the failing one: {@code local.file.api_key}.
 * A CPU profile waits through {@link io.alloytop.demo.DemoOptions.Sleeper}; pass
 * {@code clock::advance} to make it instant. Logs: {@link io.alloytop.demo.DemoAlloy#logs()}.
 */
package io.alloytop.demo;
