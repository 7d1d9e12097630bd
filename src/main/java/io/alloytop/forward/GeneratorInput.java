package io.alloytop.forward;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the generated block depends on, decided before generation so generation is a pure
 * function of it.
 *
 * @param alloyAddress host:port of Alloy's HTTP server, scraped for its own profiles
 * @param journalUnit  the systemd unit whose journal entries are Alloy's logs
 * @param secretFile   path of the secret file when {@code apiKey} is a {@link ValueRef.SecretFile}
 */
public record GeneratorInput(
        Set<Signal> signals,
        boolean hostMetrics,
        Map<Signal, ValueRef> urls,
        Map<Signal, ValueRef> ids,
        ValueRef apiKey,
        String secretFile,
        String alloyAddress,
        String journalUnit) {
    public GeneratorInput {
        signals = Set.copyOf(signals);
        urls = urls.isEmpty() ? Map.of() : new EnumMap<>(urls);
        ids = ids.isEmpty() ? Map.of() : new EnumMap<>(ids);
    }
}
