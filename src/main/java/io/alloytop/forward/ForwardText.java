package io.alloytop.forward;

import io.alloytop.text.Sanitizer;
import java.util.Locale;

/**
 * Plain-text lines for the CLI; the same events the UI draws as a checklist. Messages carry text
 * from Alloy (reload bodies, health messages) and from the config, so they are sanitised here.
 */
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
        return "[" + mark + "] " + s.step().name().toLowerCase(Locale.ROOT)
                + (s.message().isEmpty() ? "" : ": " + Sanitizer.line(s.message()));
    }

    public static String status(ForwardStatus.Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("config: ").append(Sanitizer.line(r.location().path().toString())).append(" (").append(r.location().foundBy()).append(")\n");
        for (SignalStatus s : r.signals()) {
            sb.append(String.format(Locale.ROOT, "  %-9s %s%n", s.signal().label(), Sanitizer.line(s.describe())));
        }
        sb.append(r.overhead()).append('\n');
        return sb.toString();
    }

    /** A diff or note block for the terminal: newlines kept, control characters made visible. */
    public static String block(String s) {
        return Sanitizer.multiline(s);
    }

    /** One short line for the UI header: "forwarding off", or each configured signal with a one-word state. */
    public static String header(ForwardStatus.Report r) {
        StringBuilder sb = new StringBuilder();
        for (SignalStatus s : r.signals()) {
            if (s.kind() == SignalStatus.Kind.OFF) continue;
            if (sb.length() > 0) sb.append(", ");
            sb.append(s.signal().label()).append(' ');
            switch (s.kind()) {
                case SENDING: sb.append(String.format(Locale.ROOT, "%.0f/s", s.ratePerSecond())); break;
                case FAILING: sb.append("FAILING"); break;
                default: sb.append(s.kind().name().toLowerCase(Locale.ROOT));
            }
        }
        return sb.length() == 0 ? "forwarding off" : "forwarding " + sb;
    }
}
