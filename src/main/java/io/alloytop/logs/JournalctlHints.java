package io.alloytop.logs;

/** Turns journalctl's stderr into plain statements with the fix. */
final class JournalctlHints {
    private JournalctlHints() {}

    static final String NOT_INSTALLED = "journalctl not found: logs need systemd's journalctl on PATH "
            + "(or read another host's journal with --journal-url http://HOST:19531, or a file with --log-file PATH)";

    /** A message for one stderr line of journalctl, or null for noise worth ignoring. */
    static String explain(String line, String unit) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("Users in groups") || l.startsWith("Pass -q")) return null;
        if (l.contains("not seeing messages from other users") || l.contains("insufficient permissions")) {
            String user = System.getProperty("user.name", "this user");
            return "cannot read " + unit + "'s logs: user " + user + " may not read the system journal. "
                    + "Fix: sudo usermod -aG systemd-journal " + user + " (then log in again), or run as root";
        }
        if (l.startsWith("No journal files were found")) return "no journal files found: " + l;
        return "journalctl: " + l;
    }
}
