package io.alloytop.forward;

/**
 * Environment variable names for Grafana Cloud endpoints. The METRICS, LOGS and RW_API_KEY names
 * are the ones Grafana Cloud's Alloy onboarding uses; the PROFILES and TRACES names are ours,
 * chosen to follow the same pattern.
 */
public final class EnvNames {
    public static final String API_KEY = "GCLOUD_RW_API_KEY";

    private EnvNames() {}

    public static String url(Signal s) {
        return "GCLOUD_HOSTED_" + s.name() + "_URL";
    }

    public static String id(Signal s) {
        return "GCLOUD_HOSTED_" + s.name() + "_ID";
    }
}
