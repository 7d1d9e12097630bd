package io.alloytop.forward;

/** One signal's forwarding state, as `forward status` and the UI header show it. */
public record SignalStatus(Signal signal, Kind kind, double ratePerSecond, String unit, String detail) {
    public enum Kind { OFF, CONFIGURED, HEALTHY, SENDING, FAILING }

    public String describe() {
        switch (kind) {
            case SENDING:
                return String.format(java.util.Locale.ROOT, "sending %.1f %s/s", ratePerSecond, unit);
            case FAILING:
                return "failing: " + detail;
            case CONFIGURED:
                return "configured" + (detail.isEmpty() ? "" : " (" + detail + ")");
            case HEALTHY:
                return "healthy" + (detail.isEmpty() ? "" : " (" + detail + ")");
            default:
                return "off";
        }
    }
}
