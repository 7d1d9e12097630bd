package io.alloytop.poll;

/**
 * From alloy_config_* (facts §4.1). Note §0.5: lastLoadSuccessful only reflects parse/read errors.
 * lastSuccessEpochSeconds is NaN when absent.
 */
public record ConfigState(boolean lastLoadSuccessful, double loadFailuresTotal, String sha256,
                          double lastSuccessEpochSeconds) {
    public String shortHash() {
        return sha256 == null || sha256.length() < 8 ? (sha256 == null ? "" : sha256) : sha256.substring(0, 8);
    }
}
