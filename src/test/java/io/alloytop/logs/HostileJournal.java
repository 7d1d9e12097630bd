package io.alloytop.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The entries every journal integration test uses: Alloy lines of every level, another unit, hostile text. */
final class HostileJournal {
    static final String INV1 = "11111111111111111111111111111111";
    static final String INV2 = "22222222222222222222222222222222";
    static final String LONG_VALUE = "x".repeat(10_000);
    static final String PANIC = "panic: runtime error: invalid memory address or nil pointer dereference\n"
            + "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1a2b3c]\n\ngoroutine 1 [running]:\n"
            + "main.main()\n\t/src/alloy/main.go:42 +0x1d";
    /** Entries written for alloy.service by {@link #write} (not counting systemd's own and the other unit's). */
    static final int ALLOY_LINES = 14;
    static final int ALL_ENTRIES = ALLOY_LINES + 5;

    static void write(JournalExport x) {
        x.systemd("7d4958e842da4a758f6c1cdc7b36dcc5", "6", "Starting alloy.service - Vendor-neutral programmable observability pipelines...");
        x.alloy(INV1, "ts=2026-08-21T13:41:00.000Z level=info msg=\"Alloy is starting\" service=main");
        x.alloy(INV1, "ts=2026-08-21T13:41:00.100Z level=debug msg=\"finished node evaluation\" controller_path=/ controller_id=\"\" node_id=prometheus.scrape.default duration=1.92ms");
        x.alloy(INV1, "ts=2026-08-21T13:41:00.200Z level=warn msg=\"Failed to send batch, retrying\" component_path=/ component_id=prometheus.remote_write.default err=\"server returned HTTP status 401 Unauthorized\"");
        x.alloy(INV1, "ts=2026-08-21T13:41:00.300Z level=error msg=\"failed to reload config\" service=http err=\"reading config path \\\"/etc/alloy/config.alloy\\\": no such file\"");
        x.alloy(INV1, "{\"ts\":\"2026-08-21T13:41:00.400Z\",\"level\":\"info\",\"msg\":\"now listening for http traffic\",\"service\":\"http\",\"addr\":\"127.0.0.1:12345\"}");
        x.otherUnit("cron.service", "OTHER-UNIT-LINE (root) CMD (run-parts /etc/cron.hourly)");
        x.alloy(INV1, "ts=2026-08-21T13:41:01.000Z level=warn msg=\"\u001b[2J\u001b[H\u001b]0;pwned-title\u0007 CSI+OSC\" component_id=loki.write.default");
        x.alloy(INV1, "level=info msg=\"link\" url=\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\ dcs=\u001bP+q544e\u001b\\");
        x.alloy(INV1, "BEL\u0007 BS\b CR\r NUL\u0000 DEL\u007f C1-CSI\u009b31m end");
        x.alloy(INV1, concat("level=error msg=\"bad bytes \u00e9 ", new byte[] {(byte) 0xFF, (byte) 0xC3, '(', (byte) 0xE2, (byte) 0x82}, "\" component_id=otelcol.receiver.otlp.default"));
        x.alloy(INV1, "level=info msg=\"" + LONG_VALUE + "\" component_id=prometheus.exporter.unix.default");
        x.alloy(INV1, PANIC);
        x.alloy(INV1, "");
        x.systemd("d9b373ed55a64feb8242e02dbe79a49c", "4", "alloy.service: Failed with result 'exit-code'.");
        x.systemd("5eb03494b6584870a536b337290809b3", "6", "alloy.service: Scheduled restart job, restart counter is at 1.");
        x.alloy(INV2, "ts=2026-08-21T13:42:00.000Z level=info msg=\"Alloy is starting\" service=main");
        x.alloy(INV2, "ts=2026-08-21T13:42:00.500Z level=info msg=\"{^_^} Alloy is running\" \u202eevil=1");
        x.systemd("39f53479d3a045ac8e11786248231fbf", "6", "Started alloy.service - Vendor-neutral programmable observability pipelines.");
    }

    private static byte[] concat(String a, byte[] mid, String b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        o.writeBytes(mid);
        o.writeBytes(b.getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    /** Fails unless every byte is printable UTF-8 text with '\n' line ends: no ESC, no C0 or C1 controls. */
    static void assertTerminalSafe(byte[] out) {
        String s = new String(out, StandardCharsets.UTF_8);
        for (int i = 0; i < out.length; i++) {
            int b = out[i] & 0xFF;
            if (b == '\n') continue;
            if (b < 0x20 || b == 0x7F) {
                throw new AssertionError("control byte 0x" + Integer.toHexString(b) + " at " + i + " near: "
                        + s.substring(Math.max(0, s.length() * i / Math.max(1, out.length) - 40),
                        Math.min(s.length(), s.length() * i / Math.max(1, out.length) + 40)));
            }
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) throw new AssertionError("C1 control U+" + Integer.toHexString(c) + " in output");
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) throw new AssertionError("bidi control in output");
        }
    }
}
