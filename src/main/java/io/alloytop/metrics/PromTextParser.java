package io.alloytop.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Prometheus text exposition format 0.0.4, parsed straight from bytes.
 *
 * <p>Decisions where the format or Go's parser leave room:
 * <ul>
 * <li>Line ends are {@code \n}; a {@code \r} right before one (or before the end) is tolerated, so
 *     CRLF bodies parse. A last line without a newline is accepted.</li>
 * <li>Label values must be valid UTF-8 (as Go's parser and Prometheus require): anything else is an
 *     error at the offending byte. HELP text is informational, so bad UTF-8 there becomes U+FFFD and
 *     an unknown escape there is kept literally. NUL is valid UTF-8 and kept in values and HELP;
 *     callers sanitise before display.</li>
 * <li>Label value escapes are exactly {@code \\ \" \n}; any other is an error.</li>
 * <li>Names are the legacy ASCII set ({@code escaping=underscores}, which Alloy sends); the quoted
 *     UTF-8 names of newer formats are rejected.</li>
 * <li>Like Go: a second HELP or TYPE for a family, TYPE after the family's samples, duplicate label
 *     names and {@code __name__} as a label are errors; families without samples are dropped.</li>
 * <li>Histogram {@code le} and summary {@code quantile} labels are not enforced.</li>
 * </ul>
 * Metric and label names and label values of up to 128 bytes come from caches shared by all
 * parses, so a scrape allocates Strings only for what the last ones did not contain; the caches have
 * a fixed number of slots (under 5 MB even when filled by hostile bodies).
 *
 * <p>Thread-safe: every call has its own parser state, and the caches tolerate races. The input
 * array must not change during a call. The snapshot keeps Strings, never the input bytes.
 */
public final class PromTextParser {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ByteStringCache NAMES = new ByteStringCache(4096, 160);
    private static final ByteStringCache VALUES = new ByteStringCache(8192, 128);
    private static final int MAX_DIRECT_LABELS = 16;

    private static final byte[] CHAR_CLASS = new byte[256];
    private static final byte LABEL_START = 1;
    private static final byte LABEL_CHAR = 2;
    private static final byte METRIC_START = 4;
    private static final byte METRIC_CHAR = 8;
    private static final byte TOKEN_END = 16;

    static {
        for (int c = 0; c < 256; c++) {
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            int k = 0;
            if (alpha) k |= LABEL_START | LABEL_CHAR | METRIC_START | METRIC_CHAR;
            if (digit) k |= LABEL_CHAR | METRIC_CHAR;
            if (c == ':') k |= METRIC_START | METRIC_CHAR;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') k |= TOKEN_END;
            CHAR_CLASS[c] = (byte) k;
        }
    }

    private final byte[] buf;
    private final int end;
    private int pos;
    private int line;
    private int lineStart;
    private final FamilyGrouper families = new FamilyGrouper();
    private String[] labels = new String[16];
    private byte[] scratch;

    // The last sample line, so that the next one can reuse the name and leading labels it shares.
    // Series of one family differ mostly at the end (a histogram's le, a counter's last label), so
    // one vectorised comparison replaces scanning, hashing and decoding most of the line.
    private int prevStart = -1;
    private int prevLength;
    private int prevNameEnd;
    private String prevName;
    private int prevLabelCount;
    private int[] labelEnds = new int[8];
    private int[] valueStarts = new int[8];

    private PromTextParser(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    /** Parses a whole body. */
    public static MetricsSnapshot parse(byte[] data) throws PromParseException {
        return parse(data, 0, data.length);
    }

    /** Parses data[offset, offset + length); error columns and lines count from offset. */
    public static MetricsSnapshot parse(byte[] data, int offset, int length) throws PromParseException {
        Objects.checkFromIndexSize(offset, length, data.length);
        return new PromTextParser(data, offset, offset + length).run();
    }

    /**
     * Reads the stream to its end (without closing it) and parses it. Reads at most maxBytes + 1
     * bytes: a longer body is refused with "response too large: over N MiB" rather than buffered.
     */
    public static MetricsSnapshot parse(InputStream in, long maxBytes) throws PromParseException, IOException {
        if (maxBytes < 0) throw new IllegalArgumentException("maxBytes < 0");
        int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        byte[] b = new byte[(int) Math.min(cap + 1L, 64 * 1024)];
        int n = 0;
        while (true) {
            if (n == b.length) {
                if (n > cap) throw new PromParseException("response too large: over " + bytesText(maxBytes));
                b = Arrays.copyOf(b, (int) Math.min(cap + 1L, Math.max(2L * b.length, 64)));
            }
            int r = in.read(b, n, b.length - n);
            if (r < 0) break;
            n += r;
        }
        if (n > cap) throw new PromParseException("response too large: over " + bytesText(maxBytes));
        return parse(b, 0, n);
    }

    static String bytesText(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }

    private MetricsSnapshot run() throws PromParseException {
        while (pos < end) {
            line++;
            lineStart = pos;
            skipBlanks();
            if (atLineEnd()) {
                endLine("");
                continue;
            }
            if (buf[pos] == '#') comment();
            else sample();
        }
        return families.build();
    }

    // ---- lines -------------------------------------------------------------------------------

    private void skipBlanks() {
        while (pos < end && (buf[pos] == ' ' || buf[pos] == '\t')) pos++;
    }

    private boolean atLineEnd() {
        if (pos >= end) return true;
        byte b = buf[pos];
        return b == '\n' || (b == '\r' && (pos + 1 == end || buf[pos + 1] == '\n'));
    }

    /** Consumes the line end; anything else there is an error described by what. */
    private void endLine(String what) throws PromParseException {
        if (pos < end && buf[pos] == '\r') pos++;
        if (pos < end) {
            if (buf[pos] != '\n') throw error(pos, "unexpected " + describe(pos) + " " + what);
            pos++;
        }
    }

    private void skipRestOfLine() {
        while (pos < end && buf[pos] != '\n') pos++;
        if (pos < end) pos++;
    }

    // ---- comments ----------------------------------------------------------------------------

    private void comment() throws PromParseException {
        pos++;
        skipBlanks();
        boolean help = keyword('H', 'E', 'L', 'P');
        boolean type = !help && keyword('T', 'Y', 'P', 'E');
        if (!help && !type) {
            skipRestOfLine();
            return;
        }
        pos += 4;
        skipBlanks();
        if (atLineEnd()) {
            endLine("");
            return;
        }
        int nameAt = pos;
        String name = metricName();
        if (atLineEnd()) {
            endLine("");
            return;
        }
        if (buf[pos] != ' ' && buf[pos] != '\t') throw error(pos, "unexpected " + describe(pos) + " in metric name");
        skipBlanks();
        if (atLineEnd()) {
            endLine("");
            return;
        }
        FamilyGrouper.Family f = families.declared(name);
        if (help) {
            if (f.help != null) throw error(nameAt, "second HELP line for metric " + name);
            f.help = helpText();
        } else {
            if (f.type != null) throw error(nameAt, "second TYPE line for metric " + name);
            if (!f.samples.isEmpty()) throw error(nameAt, "TYPE line for metric " + name + " after its samples");
            f.type = metricType();
            skipBlanks();
            endLine("after metric type");
        }
    }

    /** True when the line continues with this keyword followed by a blank or the line end. */
    private boolean keyword(char a, char b, char c, char d) {
        if (end - pos < 4 || buf[pos] != a || buf[pos + 1] != b || buf[pos + 2] != c || buf[pos + 3] != d) return false;
        int after = pos + 4;
        if (after == end) return true;
        byte x = buf[after];
        return x == ' ' || x == '\t' || x == '\n' || x == '\r';
    }

    private String helpText() throws PromParseException {
        int from = pos;
        boolean escaped = false;
        while (pos < end && buf[pos] != '\n') {
            if (buf[pos] == '\\') escaped = true;
            pos++;
        }
        int to = pos;
        if (to > from && buf[to - 1] == '\r') to--;
        endLine("");
        if (!escaped) return new String(buf, from, to - from, StandardCharsets.UTF_8);
        byte[] out = scratch(to - from);
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == '\\' && i + 1 < to && (buf[i + 1] == '\\' || buf[i + 1] == 'n')) {
                b = buf[++i] == 'n' ? (byte) '\n' : (byte) '\\';
            }
            out[n++] = b;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private MetricType metricType() throws PromParseException {
        int from = pos;
        while (pos < end && buf[pos] != ' ' && buf[pos] != '\t' && buf[pos] != '\n' && buf[pos] != '\r') pos++;
        String t = new String(buf, from, pos - from, StandardCharsets.ISO_8859_1);
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "counter": return MetricType.COUNTER;
            case "gauge": return MetricType.GAUGE;
            case "histogram": return MetricType.HISTOGRAM;
            case "summary": return MetricType.SUMMARY;
            case "untyped": return MetricType.UNTYPED;
            default: throw error(from, "unknown metric type \"" + snippet(from, pos) + "\"");
        }
    }

    // ---- samples -----------------------------------------------------------------------------

    private void sample() throws PromParseException {
        int shared = 0;
        if (prevStart >= 0) {
            shared = Arrays.mismatch(buf, lineStart, Math.min(end, lineStart + prevLength), buf, prevStart, prevStart + prevLength);
            if (shared < 0) shared = prevLength;
        }
        String name;
        if (shared > prevNameEnd) {
            name = prevName;
            pos = lineStart + prevNameEnd;
        } else {
            name = metricName();
        }
        int nameEnd = pos;
        skipBlanks();
        Labels labelSet = Labels.EMPTY;
        int labelCount = 0;
        if (pos < end && buf[pos] == '{') {
            pos++;
            labelCount = labelSet(shared);
            if (labelCount > 0) labelSet = Labels.ofPairs(Arrays.copyOf(labels, 2 * labelCount));
            skipBlanks();
        } else if (pos == nameEnd && !atLineEnd()) {
            throw error(pos, "unexpected " + describe(pos) + " in metric name");
        }
        if (atLineEnd()) throw error(pos, "missing value for metric " + name);
        int from = token();
        double value;
        try {
            value = PromNumbers.parseDouble(buf, from, pos);
        } catch (PromNumbers.Malformed e) {
            throw error(from, "invalid value \"" + snippet(from, pos) + "\"");
        }
        long timestamp = Sample.NO_TIMESTAMP;
        skipBlanks();
        if (!atLineEnd()) {
            from = token();
            try {
                timestamp = PromNumbers.parseLong(buf, from, pos);
            } catch (PromNumbers.Malformed e) {
                throw error(from, "invalid timestamp \"" + snippet(from, pos) + "\"");
            }
            skipBlanks();
        }
        int length = pos - lineStart;
        endLine("after sample");
        families.add(new Sample(name, labelSet, value, timestamp));
        prevStart = lineStart;
        prevLength = length;
        prevNameEnd = nameEnd - lineStart;
        prevName = name;
        prevLabelCount = labelCount;
    }

    /** Advances over a blank-delimited token and returns where it started. */
    private int token() throws PromParseException {
        int from = pos;
        while (pos < end && (CHAR_CLASS[buf[pos] & 0xFF] & TOKEN_END) == 0) pos++;
        if (pos < end && buf[pos] == '\r' && !atLineEnd()) throw error(pos, "unexpected carriage return");
        return from;
    }

    private String metricName() throws PromParseException {
        int from = pos;
        if (pos >= end || (CHAR_CLASS[buf[pos] & 0xFF] & METRIC_START) == 0) {
            throw error(pos, "expected metric name, found " + describe(pos));
        }
        pos++;
        while (pos < end && (CHAR_CLASS[buf[pos] & 0xFF] & METRIC_CHAR) != 0) pos++;
        return name(from, pos);
    }

    private String name(int from, int to) {
        int h = ByteStringCache.hash(buf, from, to);
        String s = NAMES.get(buf, from, to, h);
        if (s == null) {
            s = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
            NAMES.put(buf, from, to, h, s);
        }
        return s;
    }

    /**
     * Reads a label set into {@link #labels} after its opening brace and returns the number of labels.
     * The leading labels whose bytes (through the closing quote) lie within the first {@code shared}
     * bytes of the line equal the previous sample line's, so their parsed strings are kept as they are.
     */
    private int labelSet(int shared) throws PromParseException {
        int reused = 0;
        while (reused < prevLabelCount && labelEnds[reused] <= shared) reused++;
        int n = 2 * reused;
        boolean afterValue = reused > 0;
        if (reused > 0) pos = lineStart + labelEnds[reused - 1];
        if (reused < prevLabelCount && valueStarts[reused] <= shared) {
            // The next label's name is shared too, only its value differs (a histogram's le): the
            // name string is still in labels[n] from the previous line.
            pos = lineStart + valueStarts[reused];
            n++;
            labels[n++] = labelValue();
            labelEnds[reused] = pos - lineStart;
            afterValue = true;
        }
        Set<String> seen = null;
        for (; ; afterValue = true) {
            if (afterValue) {
                skipBlanks();
                if (pos >= end) throw error(pos, "unexpected end of input in label set");
                if (buf[pos] == ',') {
                    pos++;
                } else if (buf[pos] == '}') {
                    pos++;
                    break;
                } else {
                    throw error(pos, "expected ',' or '}' after label value, found " + describe(pos));
                }
            }
            skipBlanks();
            if (pos >= end) throw error(pos, "unexpected end of input in label set");
            if (buf[pos] == '}') {
                pos++;
                break;
            }
            int nameAt = pos;
            if ((CHAR_CLASS[buf[pos] & 0xFF] & LABEL_START) == 0) {
                throw error(pos, "expected label name, found " + describe(pos));
            }
            pos++;
            while (pos < end && (CHAR_CLASS[buf[pos] & 0xFF] & LABEL_CHAR) != 0) pos++;
            String labelName = name(nameAt, pos);
            if (labelName.equals("__name__")) throw error(nameAt, "label name __name__ is reserved");
            if (n < 2 * MAX_DIRECT_LABELS) {
                for (int j = 0; j < n; j += 2) {
                    if (labels[j].equals(labelName)) throw error(nameAt, "duplicate label name " + labelName);
                }
            } else {
                // Pairwise checks on a hostile line with a million labels would look like a hang.
                if (seen == null) {
                    seen = new HashSet<>();
                    for (int j = 0; j < n; j += 2) seen.add(labels[j]);
                }
                if (!seen.add(labelName)) throw error(nameAt, "duplicate label name " + labelName);
            }
            skipBlanks();
            if (pos >= end || buf[pos] != '=') {
                throw error(pos, "expected '=' after label name " + labelName + ", found " + describe(pos));
            }
            pos++;
            skipBlanks();
            if (pos >= end || buf[pos] != '"') {
                throw error(pos, "expected '\"' for the value of label " + labelName + ", found " + describe(pos));
            }
            pos++;
            if (n + 2 > labels.length) labels = Arrays.copyOf(labels, labels.length * 2);
            if (n / 2 == labelEnds.length) {
                labelEnds = Arrays.copyOf(labelEnds, labelEnds.length * 2);
                valueStarts = Arrays.copyOf(valueStarts, valueStarts.length * 2);
            }
            valueStarts[n / 2] = pos - lineStart;
            labels[n++] = labelName;
            labels[n++] = labelValue();
            labelEnds[n / 2 - 1] = pos - lineStart;
        }
        return n / 2;
    }

    /** Reads after the opening quote up to and including the closing one. */
    private String labelValue() throws PromParseException {
        int from = pos;
        int i = skipPlainAscii(pos);
        boolean ascii = true;
        byte b = 0;
        while (i < end && (b = buf[i]) != '"' && b != '\\' && b != '\n') {
            ascii &= b >= 0;
            i++;
        }
        if (i < end && b == '"') {
            pos = i + 1;
            return plainValue(from, i, ascii);
        }
        pos = i;
        return escapedValue(from);
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Skips 8 bytes at a time while none is a quote, backslash, newline or non-ASCII, returning where
     * the byte loop must take over. A byte equals c exactly when (w ^ c*ONES) has a zero there; the
     * classic zero-byte test may also flag bytes above a true hit, but never below one, so the
     * lowest flagged byte is exact.
     */
    private int skipPlainAscii(int i) {
        while (i + 8 <= end) {
            long w = (long) LONGS.get(buf, i);
            long q = w ^ (ONES * '"');
            long s = w ^ (ONES * '\\');
            long n = w ^ (ONES * '\n');
            long hits = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((n - ONES) & ~n) | w) & HIGHS;
            if (hits != 0) return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            i += 8;
        }
        return i;
    }

    private String plainValue(int from, int to, boolean ascii) throws PromParseException {
        int len = to - from;
        if (len == 0) return "";
        if (len > VALUES.maxKeyLength()) return decode(from, to, ascii);
        int h = ByteStringCache.hash(buf, from, to);
        String s = VALUES.get(buf, from, to, h);
        if (s == null) {
            s = decode(from, to, ascii);
            VALUES.put(buf, from, to, h, s);
        }
        return s;
    }

    /** Slow path for values with escapes; pos is at the first backslash (or newline / end). */
    private String escapedValue(int from) throws PromParseException {
        int n = pos - from;
        byte[] out = scratch(2 * n + 16);
        System.arraycopy(buf, from, out, 0, n);
        // Where each output byte came from is only needed for an error, so it is recomputed then.
        boolean ascii = true;
        for (int k = 0; k < n; k++) ascii &= out[k] >= 0;
        while (true) {
            if (pos >= end) throw error(from - 1, "unterminated label value (no closing quote)");
            byte b = buf[pos];
            if (b == '"') {
                pos++;
                break;
            }
            if (b == '\n') throw error(pos, "unescaped newline in label value");
            if (b == '\\') {
                if (pos + 1 >= end) throw error(pos, "unterminated label value (no closing quote)");
                byte e = buf[pos + 1];
                if (e == 'n') b = '\n';
                else if (e == '\\' || e == '"') b = e;
                else throw error(pos, "invalid escape \\" + printable(e) + " in label value");
                pos += 2;
            } else {
                ascii &= b >= 0;
                pos++;
            }
            if (n == out.length) out = scratch = Arrays.copyOf(out, out.length * 2);
            out[n++] = b;
        }
        if (!ascii) {
            int bad = Utf8.firstInvalid(out, 0, n);
            if (bad >= 0) throw error(sourceIndex(from, bad), "invalid UTF-8 in label value");
        }
        return new String(out, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Maps an index in an unescaped value back to its byte in the input. */
    private int sourceIndex(int from, int unescapedIndex) {
        int i = from;
        for (int k = 0; k < unescapedIndex; k++) i += buf[i] == '\\' ? 2 : 1;
        return i;
    }

    private String decode(int from, int to, boolean ascii) throws PromParseException {
        if (ascii) return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        int bad = Utf8.firstInvalid(buf, from, to);
        if (bad >= 0) throw error(bad, "invalid UTF-8 in label value");
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }

    private byte[] scratch(int min) {
        if (scratch == null || scratch.length < min) scratch = new byte[Math.max(min, 64)];
        return scratch;
    }

    // ---- errors ------------------------------------------------------------------------------

    private PromParseException error(int at, String reason) {
        return new PromParseException(line, at - lineStart + 1, reason);
    }

    private String describe(int at) {
        if (at >= end) return "end of input";
        byte b = buf[at];
        if (b == '\n') return "end of line";
        return "'" + printable(b) + "'";
    }

    /** Input shown in a message, bounded and safe for a terminal. */
    private String snippet(int from, int to) {
        StringBuilder sb = new StringBuilder();
        int stop = Math.min(to, from + 40);
        for (int i = from; i < stop; i++) sb.append(printable(buf[i]));
        if (stop < to) sb.append("...");
        return sb.toString();
    }

    private static String printable(byte b) {
        if (b >= 0x20 && b < 0x7F) return String.valueOf((char) b);
        return String.format("\\x%02X", b & 0xFF);
    }
}
