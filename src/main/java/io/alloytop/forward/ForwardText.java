package io.alloytop.forward;

import java.util.Locale;

/** Plain-text lines for the CLI; the same events the UI draws as a checklist. */
public final class ForwardText {
    private ForwardText() {}

    public static String step(ForwardStep s) {
        String mark;
        switch (s.state()) {
            case OK: mark = "ok  "; break;
            case WARN: mark = "warn"; break;
            case FAILED: mark = "FAIL"; break;
            case SKIPPED: mark = "skip"; break;
            default: mark = " .. "; break;
        }
        return "[" + mark + "] " + s.step().name().toLowerCase(Locale.ROOT) + (s.message().isEmpty() ? "" : ": " + s.message());
    }

    public static String status(ForwardStatus.Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("config: ").append(r.location().path()).append(" (").append(r.location().foundBy()).append(")\n");
        for (SignalStatus s : r.signals()) {
            sb.append(String.format(Locale.ROOT, "  %-9s %s%n", s.signal().label(), s.describe()));
        }
        sb.append(r.overhead()).append('\n');
        return sb.toString();
    }
}
