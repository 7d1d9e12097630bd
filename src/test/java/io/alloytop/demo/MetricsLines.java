package io.alloytop.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict line check of text format 0.0.4, enough to prove the demo's /metrics parses; values by series. */
final class MetricsLines {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?\\})? "
                    + "(NaN|[+-]Inf|[-+]?[0-9]+(?:\\.[0-9]+)?(?:e[-+][0-9]+)?)");
    private static final Pattern HELP = Pattern.compile("# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)");

    private MetricsLines() {}

    /** Parses or throws with the offending line; returns "name{labels}" → value. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!text.endsWith("\n")) throw new IllegalArgumentException("text does not end with a newline");
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.startsWith("# HELP ")) {
                if (!HELP.matcher(line).matches()) throw new IllegalArgumentException("line " + n + ": bad HELP: " + line);
            } else if (line.startsWith("# TYPE ")) {
                if (!TYPE.matcher(line).matches()) throw new IllegalArgumentException("line " + n + ": bad TYPE: " + line);
            } else {
                Matcher m = SAMPLE.matcher(line);
                if (!m.matches()) throw new IllegalArgumentException("line " + n + ": bad sample: " + line);
                String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                if (out.put(key, value(m.group(3))) != null) throw new IllegalArgumentException("line " + n + ": duplicate series " + key);
            }
        }
        return out;
    }

    static double value(String v) {
        if (v.equals("+Inf")) return Double.POSITIVE_INFINITY;
        if (v.equals("-Inf")) return Double.NEGATIVE_INFINITY;
        return Double.parseDouble(v);
    }

    /** The value of the only series whose key starts with the prefix and contains every fragment. */
    static double one(Map<String, Double> m, String prefix, String... fragments) {
        Double found = null;
        outer:
        for (Map.Entry<String, Double> e : m.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            String rest = e.getKey().substring(prefix.length());
            if (!rest.isEmpty() && rest.charAt(0) != '{') continue;
            for (String f : fragments) if (!e.getKey().contains(f)) continue outer;
            if (found != null) throw new AssertionError("more than one series for " + prefix + " " + String.join(",", fragments));
            found = e.getValue();
        }
        if (found == null) throw new AssertionError("no series for " + prefix + " " + String.join(",", fragments));
        return found;
    }
}
