package io.alloytop.alloy;

import io.alloytop.metrics.MetricsSnapshot;
import java.time.Duration;
import java.util.List;

/**
 * What alloytop asks of an Alloy HTTP server. Every call is blocking and bounded by the
 * configured timeout, so callers must never invoke it on the UI thread.
 */
public interface AlloyApi extends AutoCloseable {
    /** Every component: root, every module reached through createdModuleIDs, and remote config. */
    Result<List<Component>> allComponents();

    /** One component's detail (arguments, exports, debugInfo). {@code globalId} as {@link Component#globalID()}. */
    Result<Component> component(String globalId);

    /** /metrics, parsed. */
    Result<MetricsSnapshot> metrics();

    /** /-/ready: Ok(true) on 200, Ok(false) on 503. */
    Result<Boolean> ready();

    /** POST /-/reload: Ok(body) on 200; Err(HTTP_STATUS, body) on 400. */
    Result<String> reload();

    /** GET of a path relative to the base URL (pprof and friends), raw bytes, with its own read timeout. */
    Result<byte[]> getBytes(String path, Duration readTimeout);

    String baseUrl();

    /** /-/healthy (1.6+; root-module components only, facts §0.4). Added after the first contract. */
    default Result<String> healthy() {
        return Result.err(Failure.Kind.NOT_SUPPORTED, "/-/healthy is not implemented by this client");
    }

    /** {ui}/api/v0/web/peers (facts §10.1). Added after the first contract. */
    default Result<List<Peer>> peers() {
        return Result.err(Failure.Kind.NOT_SUPPORTED, "the peer list is not implemented by this client");
    }

    @Override
    void close();
}
