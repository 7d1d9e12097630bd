package io.alloytop.ui;

import io.alloytop.logs.Level;
import io.alloytop.logs.LogBuffer;
import io.alloytop.logs.LogEntry;
import io.alloytop.ui.model.Event;
import io.alloytop.ui.model.UiState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Log buffers for the logs pane's tests: every level, systemd events, a restart, hostile and long lines. */
public final class LogSamples {
    public static final String API_KEY = "local.file.api_key";
    public static final String SCRAPE = "prometheus.scrape.default";
    /** Every terminal-hostile thing a log line can carry: CSI, OSC with BEL, a C1 CSI, bidi overrides, NUL. */
    public static final String HOSTILE = "pwn \u001b[2J\u001b]0;owned\u0007 c1=\u009b31m bidi=\u202egnp.exe\u202c nul=\u0000 end";
    public static final String LONG_TAIL = "THE-END-OF-THE-LONG-LINE";

    private LogSamples() {}

    public static LogEntry line(int i, Level level, String component, String msg) {
        return new LogEntry(Samples.T0.plusSeconds(i), level, component, msg, Map.of(), LogEntry.Kind.LINE, false, null);
    }

    public static LogEntry kind(int i, LogEntry.Kind kind, String msg) {
        return new LogEntry(Samples.T0.plusSeconds(i), Level.UNKNOWN, "", msg, Map.of(), kind, false, "s=abc;i=" + i);
    }

    /** 20 lines: levels cycling debug/info/warn/error over two components, with special lines at 5, 6, 7, 8. */
    public static LogBuffer mixed(int ring) {
        LogBuffer b = new LogBuffer(ring);
        Level[] levels = {Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
        for (int i = 0; i < 20; i++) {
            switch (i) {
                case 5: b.append(kind(i, LogEntry.Kind.SYSTEMD_EVENT, "Stopping Vendor-agnostic OpenTelemetry Collector...")); break;
                case 6: b.append(kind(i, LogEntry.Kind.RESTART, "alloy.service restarted")); break;
                case 7: b.append(line(i, Level.WARN, SCRAPE, HOSTILE)); break;
                case 8: {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("err", "dial tcp 10.0.0.1:443: i/o timeout");
                    f.put("url\u001b[31m", "http://x/\u001b]52;c;ZXZpbA==\u0007");
                    b.append(new LogEntry(Samples.T0.plusSeconds(i), Level.ERROR, API_KEY,
                            "panic: boom\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:12", f, LogEntry.Kind.LINE, true, "s=abc;i=8"));
                    break;
                }
                default:
                    b.append(line(i, levels[i % 4], i % 2 == 0 ? SCRAPE : API_KEY, "msg " + i + (i == 12 ? " needle here" : i == 17 ? " NEEDLE again" : "")));
            }
        }
        return b;
    }

    public static UiState withLogs(UiState s, LogBuffer b) {
        return States.apply(s, new Event.LogsChanged(b.snapshot()));
    }

    public static LogEntry longLine(int i, int width) {
        return line(i, Level.INFO, SCRAPE, "x".repeat(width) + " " + LONG_TAIL);
    }
}
