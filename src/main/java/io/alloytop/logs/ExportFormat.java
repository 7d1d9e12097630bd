package io.alloytop.logs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the first entry of systemd's Journal Export Format: {@code NAME=value\n} for text fields,
 * {@code NAME\n<u64 LE length><bytes>\n} for binary ones, a blank line after each entry. Unlike the
 * JSON form it carries values of any size, so it recovers messages JSON sent as null.
 */
final class ExportFormat {
    private ExportFormat() {}

    /** Field name to raw value bytes; a malformed tail ends the entry early. */
    static Map<String, byte[]> firstEntry(byte[] in) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        int p = 0;
        while (p < in.length && in[p] != '\n') {
            int nl = indexOf(in, (byte) '\n', p);
            if (nl < 0) nl = in.length;
            int eq = indexOf(in, (byte) '=', p);
            if (eq >= 0 && eq < nl) {
                out.putIfAbsent(new String(in, p, eq - p, StandardCharsets.UTF_8), slice(in, eq + 1, nl));
                p = nl + 1;
                continue;
            }
            String name = new String(in, p, nl - p, StandardCharsets.UTF_8);
            int lenAt = nl + 1;
            if (lenAt + 8 > in.length) break;
            long len = 0;
            for (int i = 7; i >= 0; i--) len = (len << 8) | (in[lenAt + i] & 0xFF);
            int dataAt = lenAt + 8;
            if (len < 0 || dataAt + len > in.length) break;
            out.putIfAbsent(name, slice(in, dataAt, (int) (dataAt + len)));
            p = (int) (dataAt + len) + 1; // skip the trailing '\n'
        }
        return out;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        return -1;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }
}
