package io.alloytop.alloy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how to reach Alloy. Secrets are held only as values read from files or the
 * environment; {@link #toString()} never prints them.
 */
public record ConnectionSettings(
        String baseUrl,
        String uiPrefix,
        String username,
        String password,
        String bearerToken,
        Path caFile,
        Path truststore,
        String truststorePassword,
        boolean insecureSkipVerify,
        Duration timeout) {

    public static ConnectionSettings of(String baseUrl) {
        return new ConnectionSettings(baseUrl, "/", null, null, null, null, null, null, false, Duration.ofSeconds(5));
    }

    public ConnectionSettings withTimeout(Duration t) {
        return new ConnectionSettings(baseUrl, uiPrefix, username, password, bearerToken, caFile, truststore,
                truststorePassword, insecureSkipVerify, t);
    }

    public ConnectionSettings withBaseUrl(String url) {
        return new ConnectionSettings(url, uiPrefix, username, password, bearerToken, caFile, truststore,
                truststorePassword, insecureSkipVerify, timeout);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + baseUrl + ", uiPrefix=" + uiPrefix
                + (username != null ? ", basic auth as " + username : "")
                + (bearerToken != null ? ", bearer token" : "")
                + (insecureSkipVerify ? ", TLS verification OFF" : "") + ", timeout=" + timeout + "]";
    }
}
