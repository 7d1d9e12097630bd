package io.alloytop.logs;

import java.nio.file.Path;

/**
 * Where Alloy's logs come from, as the user asked (see {@link LogSources#select}).
 *
 * @param mode       AUTO picks from the other settings and what the host has
 * @param unit       the systemd unit (alloy.service)
 * @param journalDir a journal directory copied from another host, read with journalctl --directory
 * @param journalUrl systemd-journal-gatewayd's address
 * @param logFile    a plain log file to follow
 * @param lines      how many past entries to load (and the ring's size in the monitor)
 * @param follow     keep reading new entries
 */
public record LogSettings(Mode mode, String unit, Path journalDir, String journalUrl, Path logFile, int lines,
                          boolean follow) {
    public enum Mode { AUTO, JOURNAL, GATEWAY, FILE, NONE }

    public static final String DEFAULT_UNIT = "alloy.service";
    public static final int DEFAULT_LINES = 10_000;

    public LogSettings {
        mode = mode == null ? Mode.AUTO : mode;
        unit = unit == null || unit.isBlank() ? DEFAULT_UNIT : unit.strip();
        if (!unit.contains(".")) unit = unit + ".service"; // journalctl -u alloy means alloy.service
    }
}
