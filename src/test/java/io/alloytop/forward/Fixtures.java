package io.alloytop.forward;

import java.util.HashMap;
import java.util.Map;

/** Shared test values. The secret is long and odd so a scan for it cannot hit by accident. */
final class Fixtures {
    static final String SECRET = "glc_SECRETzq9X7vK2mP4wR8tY1uI3oA5sD6fG0hJ";

    private Fixtures() {}

    static Map<String, String> cloudEnv(String metricsUrl, String logsUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("GCLOUD_HOSTED_METRICS_URL", metricsUrl);
        env.put("GCLOUD_HOSTED_METRICS_ID", "1234567");
        env.put("GCLOUD_HOSTED_LOGS_URL", logsUrl);
        env.put("GCLOUD_HOSTED_LOGS_ID", "7654321");
        env.put("GCLOUD_HOSTED_PROFILES_URL", "https://profiles-prod-001.grafana.net");
        env.put("GCLOUD_HOSTED_PROFILES_ID", "9988776");
        env.put("GCLOUD_HOSTED_TRACES_URL", "https://tempo-prod-04-prod-us-east-0.grafana.net:443");
        env.put("GCLOUD_HOSTED_TRACES_ID", "5544332");
        env.put("GCLOUD_RW_API_KEY", SECRET);
        return env;
    }

    static CloudSettings cloud() {
        return CloudSettings.fromEnv(cloudEnv("https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push",
                "https://logs-prod-006.grafana.net/loki/api/v1/push"));
    }
}
