package io.alloytop.cli;

import io.alloytop.alloy.ConnectionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command understands, before or after the sub-command (picocli INHERIT scope).
 * Secrets come from files or the environment only: a flag value would show in `ps`.
 */
@picocli.CommandLine.Command(addMethodSubcommands = false) // a mixin: nothing to scan for
public final class GlobalOptions {
    public static final String DEFAULT_URL = "http://127.0.0.1:12345";

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Alloy's HTTP server (default: $ALLOYTOP_URL or " + DEFAULT_URL + ")")
    String url;

    @Option(names = "--ui-prefix", scope = ScopeType.INHERIT, paramLabel = "PATH", defaultValue = "/",
            description = "Alloy's --server.http.ui-path-prefix (moves /api/v0/web only)")
    String uiPrefix;

    @Option(names = "--username", scope = ScopeType.INHERIT, paramLabel = "USER", description = "basic auth user")
    String username;

    @Option(names = "--password-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "file holding the basic auth password (or $ALLOYTOP_PASSWORD)")
    Path passwordFile;

    @Option(names = "--bearer-token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "file holding a bearer token (or $ALLOYTOP_BEARER_TOKEN)")
    Path bearerTokenFile;

    @Option(names = "--ca-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "PEM CA bundle to trust, in addition to the system's")
    Path caFile;

    @Option(names = "--truststore", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Java truststore (PKCS12/JKS) to use instead of the default; password in $ALLOYTOP_TRUSTSTORE_PASSWORD")
    Path truststore;

    @Option(names = "--insecure-skip-verify", scope = ScopeType.INHERIT,
            description = "do not verify Alloy's TLS certificate (shown as a warning)")
    boolean insecureSkipVerify;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "5s",
            converter = DurationConverter.class, description = "per-request timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--interval", scope = ScopeType.INHERIT, paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class, description = "poll period (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "run against an embedded, simulated Alloy")
    boolean demo;

    public boolean demo() {
        return demo;
    }

    public Duration interval() {
        return interval;
    }

    public Duration timeout() {
        return timeout;
    }

    public String url() {
        if (url != null) return url;
        String env = System.getenv("ALLOYTOP_URL");
        return env != null && !env.isBlank() ? env.trim() : DEFAULT_URL;
    }

    /** Builds the settings, reading secret files; a missing or unreadable file is a usage error. */
    public ConnectionSettings settings() {
        String password = secret(passwordFile, "ALLOYTOP_PASSWORD", "--password-file");
        String token = secret(bearerTokenFile, "ALLOYTOP_BEARER_TOKEN", "--bearer-token-file");
        String user = username != null ? username : System.getenv("ALLOYTOP_USERNAME");
        return new ConnectionSettings(url(), uiPrefix, user, password, token, caFile, truststore,
                System.getenv("ALLOYTOP_TRUSTSTORE_PASSWORD"), insecureSkipVerify, timeout);
    }

    private static String secret(Path file, String env, String flag) {
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UserError(flag + ": cannot read " + file + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? " " + e.getMessage() : ""));
            }
        }
        String v = System.getenv(env);
        return v == null || v.isEmpty() ? null : v.strip();
    }
}
