package io.alloytop.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TEMPORARY stand-in on branch `client` (same signature as the metrics helper's parser) so the
 * client compiles and is tested before that parser lands; replaced wholesale by theirs on merge.
 */
public final class PromTextParser {
    private PromTextParser() {}

    public static MetricsSnapshot parse(InputStream in, long maxBytes) throws PromParseException, IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) throw new PromParseException("input larger than " + maxBytes + " bytes");
        BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        Map<String, MetricType> types = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            line = line.strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                String[] p = line.split("\\s+", 4);
                if (p.length >= 4 && p[1].equals("TYPE")) {
                    types.put(p[2], MetricType.valueOf(p[3].toUpperCase(Locale.ROOT)));
                }
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name;
            Labels labels = Labels.EMPTY;
            String rest;
            if (brace >= 0 && (space < 0 || brace < space)) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                if (close < brace) throw new PromParseException("line " + n + ": unclosed '{'");
                List<String> pairs = new ArrayList<>();
                String body = line.substring(brace + 1, close);
                int i = 0;
                while (i < body.length()) {
                    int eq = body.indexOf('=', i);
                    if (eq < 0) break;
                    String ln = body.substring(i, eq).replace(",", "").strip();
                    int q = body.indexOf('"', eq);
                    StringBuilder v = new StringBuilder();
                    int j = q + 1;
                    for (; j < body.length() && body.charAt(j) != '"'; j++) {
                        char c = body.charAt(j);
                        if (c == '\\' && j + 1 < body.length()) {
                            char e = body.charAt(++j);
                            v.append(e == 'n' ? '\n' : e);
                        } else {
                            v.append(c);
                        }
                    }
                    pairs.add(ln);
                    pairs.add(v.toString());
                    i = j + 1;
                }
                labels = Labels.ofPairs(pairs.toArray(new String[0]));
                rest = line.substring(close + 1).strip();
            } else {
                if (space < 0) throw new PromParseException("line " + n + ": no value");
                name = line.substring(0, space);
                rest = line.substring(space + 1).strip();
            }
            String[] vt = rest.split("\\s+");
            double value;
            try {
                value = Double.parseDouble(vt[0].replace("Inf", "Infinity"));
            } catch (NumberFormatException e) {
                throw new PromParseException("line " + n + ": bad value '" + vt[0] + "'");
            }
            long ts = vt.length > 1 ? Long.parseLong(vt[1]) : Sample.NO_TIMESTAMP;
            samples.computeIfAbsent(name, k -> new ArrayList<>()).add(new Sample(name, labels, value, ts));
        }
        List<MetricFamily> fams = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> e : samples.entrySet()) {
            MetricType t = types.getOrDefault(e.getKey(), MetricType.UNTYPED);
            fams.add(new MetricFamily(e.getKey(), t, "", e.getValue()));
        }
        return new MetricsSnapshot(fams);
    }
}
