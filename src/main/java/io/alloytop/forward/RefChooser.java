package io.alloytop.forward;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, per value, how the generated config gets it. {@code sys.env} is used only when the
 * running Alloy's own environment already holds the same value: a reload does not change a running
 * process's environment, so a variable added to /etc/default/alloy now would be invisible until a
 * restart. Otherwise non-secrets become literals and the API key goes to a 0600 secret file.
 */
public final class RefChooser {
    private RefChooser() {}

    public static GeneratorInput choose(Set<Signal> signals, boolean hostMetrics, CloudSettings cloud,
            Optional<Map<String, String>> alloyEnv, String secretFile, String alloyAddress, String journalUnit) {
        Map<String, String> env = alloyEnv.orElse(Map.of());
        Map<Signal, ValueRef> urls = new EnumMap<>(Signal.class);
        Map<Signal, ValueRef> ids = new EnumMap<>(Signal.class);
        for (Signal s : signals) {
            CloudSettings.Endpoint e = cloud.endpoint(s);
            String url = s == Signal.TRACES ? grpcHostPort(e.url()) : e.url();
            urls.put(s, ref(EnvNames.url(s), url, env));
            ids.put(s, ref(EnvNames.id(s), e.id(), env));
        }
        ValueRef key = cloud.apiKey() != null && cloud.apiKey().equals(env.get(EnvNames.API_KEY))
                ? new ValueRef.Env(EnvNames.API_KEY)
                : new ValueRef.SecretFile(ManagedIds.KEY_LABEL);
        return new GeneratorInput(signals, hostMetrics, urls, ids, key, secretFile, alloyAddress, journalUnit);
    }

    private static ValueRef ref(String name, String value, Map<String, String> env) {
        String there = env.get(name);
        if (there != null && there.strip().equals(value)) return new ValueRef.Env(name);
        return new ValueRef.Literal(value);
    }

    /**
     * otelcol.exporter.otlp wants {@code host:port}; onboarding pages show it with or without a
     * scheme, so accept both and default to port 443.
     */
    static String grpcHostPort(String url) {
        if (url == null) return null;
        String u = url.strip();
        if (!u.contains("://")) {
            int slash = u.indexOf('/');
            if (slash >= 0) u = u.substring(0, slash);
            return u.contains(":") ? u : u + ":443";
        }
        try {
            URI uri = URI.create(u);
            int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(uri.getScheme()) ? 80 : 443);
            return uri.getHost() + ":" + port;
        } catch (IllegalArgumentException ex) {
            return u;
        }
    }
}
