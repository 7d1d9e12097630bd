package io.alloytop.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes systemd's Journal Export Format for tests, which systemd-journal-remote turns into a genuine
 * journal file. Values with control bytes or non-ASCII use the binary form, as journald's own
 * exporter does.
 */
final class JournalExport {
    static final String BOOT = "0123456789abcdef0123456789abcdef";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long usec = 1_755_783_667_000_000L;

    /** An Alloy line under systemd (stderr stream). */
    JournalExport alloy(String invocation, byte[] message) {
        Map<String, byte[]> f = base();
        f.put("_SYSTEMD_UNIT", b("alloy.service"));
        f.put("_SYSTEMD_INVOCATION_ID", b(invocation));
        f.put("SYSLOG_IDENTIFIER", b("alloy"));
        f.put("_PID", b("4242"));
        f.put("PRIORITY", b("6"));
        f.put("MESSAGE", message);
        return entry(f);
    }

    JournalExport alloy(String invocation, String message) {
        return alloy(invocation, b(message));
    }

    JournalExport otherUnit(String unit, String message) {
        Map<String, byte[]> f = base();
        f.put("_SYSTEMD_UNIT", b(unit));
        f.put("_SYSTEMD_INVOCATION_ID", b("ffffffffffffffffffffffffffffffff"));
        f.put("PRIORITY", b("6"));
        f.put("MESSAGE", b(message));
        return entry(f);
    }

    /** A line PID 1 writes about the unit, as journalctl -u includes. */
    JournalExport systemd(String messageId, String priority, String message) {
        Map<String, byte[]> f = base();
        f.put("_PID", b("1"));
        f.put("_SYSTEMD_UNIT", b("init.scope"));
        f.put("UNIT", b("alloy.service"));
        f.put("MESSAGE_ID", b(messageId));
        f.put("PRIORITY", b(priority));
        f.put("MESSAGE", b(message));
        return entry(f);
    }

    private Map<String, byte[]> base() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        usec += 1000;
        f.put("__REALTIME_TIMESTAMP", b(Long.toString(usec)));
        f.put("__MONOTONIC_TIMESTAMP", b(Long.toString(usec - 1_700_000_000_000_000L)));
        f.put("_BOOT_ID", b(BOOT));
        f.put("_HOSTNAME", b("testhost"));
        return f;
    }

    private JournalExport entry(Map<String, byte[]> fields) {
        for (Map.Entry<String, byte[]> e : fields.entrySet()) {
            byte[] v = e.getValue();
            out.writeBytes(b(e.getKey()));
            if (textual(v)) {
                out.write('=');
                out.writeBytes(v);
            } else {
                out.write('\n');
                long n = v.length;
                for (int i = 0; i < 8; i++) out.write((int) (n >>> (8 * i)) & 0xFF);
                out.writeBytes(v);
            }
            out.write('\n');
        }
        out.write('\n');
        return this;
    }

    private static boolean textual(byte[] v) {
        for (byte x : v) if (x < 0x20 || x >= 0x7F) return false;
        return true;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes written so far, and a fresh start. */
    byte[] take() {
        byte[] r = out.toByteArray();
        out.reset();
        return r;
    }
}
