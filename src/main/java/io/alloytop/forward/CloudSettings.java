package io.alloytop.forward;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grafana Cloud endpoints, instance IDs and the API key. The key is held only here and in the
 * secret file; {@link #toString()} never prints it.
 */
public final class CloudSettings {
    public record Endpoint(String url, String id) {}

    private final Map<Signal, Endpoint> endpoints;
    private final String apiKey;

    public CloudSettings(Map<Signal, Endpoint> endpoints, String apiKey) {
        this.endpoints = endpoints.isEmpty() ? new EnumMap<>(Signal.class) : new EnumMap<>(endpoints);
        this.apiKey = apiKey;
    }

    /** Reads the onboarding names from an environment map (alloytop's own, or a test's). */
    public static CloudSettings fromEnv(Map<String, String> env) {
        Map<Signal, Endpoint> eps = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            String url = trimToNull(env.get(EnvNames.url(s)));
            String id = trimToNull(env.get(EnvNames.id(s)));
            if (url != null || id != null) eps.put(s, new Endpoint(url, id));
        }
        return new CloudSettings(eps, trimToNull(env.get(EnvNames.API_KEY)));
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Endpoint endpoint(Signal s) {
        return endpoints.get(s);
    }

    public String apiKey() {
        return apiKey;
    }

    /** Every secret value alloytop must never print or write outside the secret file. */
    public List<String> secrets() {
        return apiKey == null ? List.of() : List.of(apiKey);
    }

    /** What is missing for the requested signals, named by environment variable. */
    public List<String> missing(Set<Signal> signals) {
        List<String> out = new ArrayList<>();
        for (Signal s : signals) {
            Endpoint e = endpoints.get(s);
            if (e == null || e.url() == null) out.add(EnvNames.url(s));
            if (e == null || e.id() == null) out.add(EnvNames.id(s));
        }
        if (apiKey == null) out.add(EnvNames.API_KEY);
        return out;
    }

    @Override
    public String toString() {
        return "CloudSettings" + endpoints + (apiKey != null ? " + API key (hidden)" : " (no API key)");
    }
}
