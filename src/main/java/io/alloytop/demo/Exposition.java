package io.alloytop.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus text format 0.0.4 as client_golang writes it: families sorted by name, label pairs
 * sorted by name, values in Go's shortest %g form.
 */
final class Exposition {
    private final Map<String, Family> families = new TreeMap<>();

    private static final class Family {
        final String help;
        final String type;
        final List<String[]> samples = new ArrayList<>(); // {sortKey, line}

        Family(String help, String type) {
            this.help = help;
            this.type = type;
        }
    }

    /** Declares a family; samples added later under the same name (or its _bucket/_sum/_count) go in it. */
    Exposition family(String name, String type, String help) {
        families.putIfAbsent(name, new Family(help, type));
        return this;
    }

    /** Adds one sample of the family {@code family}; {@code series} is the sample name (family or suffixed). */
    void sample(String family, String series, double value, String... labels) {
        Family f = families.get(family);
        if (f == null) throw new IllegalStateException("undeclared family " + family);
        String[] l = labels.clone();
        // Label pairs sorted by name, as client_golang writes them (a few pairs: insertion sort).
        for (int i = 2; i + 1 < l.length; i += 2) {
            for (int j = i; j >= 2 && l[j - 2].compareTo(l[j]) > 0; j -= 2) {
                String k = l[j - 2], v = l[j - 1];
                l[j - 2] = l[j];
                l[j - 1] = l[j + 1];
                l[j] = k;
                l[j + 1] = v;
            }
        }
        StringBuilder sb = new StringBuilder(series.length() + 96).append(series);
        if (l.length >= 2) {
            sb.append('{');
            for (int i = 0; i + 1 < l.length; i += 2) {
                if (i > 0) sb.append(',');
                sb.append(l[i]).append("=\"").append(escape(l[i + 1])).append('"');
            }
            sb.append('}');
        }
        String key = sb.toString();
        sb.append(' ').append(formatValue(value));
        f.samples.add(new String[] {key, sb.toString()});
    }

    void sample(String family, double value, String... labels) {
        sample(family, family, value, labels);
    }

    void histogram(String family, Histogram h, String... labels) {
        for (int i = 0; i < h.bounds.length; i++) {
            sample(family, family + "_bucket", h.cumulative(i), with(labels, "le", formatValue(h.bounds[i])));
        }
        sample(family, family + "_bucket", h.count, with(labels, "le", "+Inf"));
        sample(family, family + "_sum", h.sum, labels);
        sample(family, family + "_count", h.count, labels);
    }

    static String[] with(String[] labels, String k, String v) {
        String[] out = new String[labels.length + 2];
        System.arraycopy(labels, 0, out, 0, labels.length);
        out[labels.length] = k;
        out[labels.length + 1] = v;
        return out;
    }

    String render() {
        StringBuilder sb = new StringBuilder(64 * 1024);
        for (Map.Entry<String, Family> e : families.entrySet()) {
            Family f = e.getValue();
            if (f.samples.isEmpty()) continue; // a vector with no children is not exported
            sb.append("# HELP ").append(e.getKey()).append(' ').append(f.help).append('\n');
            sb.append("# TYPE ").append(e.getKey()).append(' ').append(f.type).append('\n');
            List<String[]> samples = f.samples;
            if (!"histogram".equals(f.type) && !"summary".equals(f.type)) samples.sort((a, b) -> a[0].compareTo(b[0]));
            for (String[] s : samples) sb.append(s[1]).append('\n');
        }
        return sb.toString();
    }

    static String escape(String v) {
        if (v.indexOf('\\') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) return v;
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Go's strconv.FormatFloat(v, 'g', -1, 64): shortest digits, exponent form from 1e+06 and below 1e-04. */
    static String formatValue(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+Inf" : "-Inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            // Integral values (most counters and bucket counts) without BigDecimal.
            long n = (long) Math.abs(v);
            String sign = v < 0 ? "-" : "";
            if (n < 1_000_000) return sign + n;
            String digits = Long.toString(n);
            int exp = digits.length() - 1;
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') end--;
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (end > 1) sb.append('.').append(digits, 1, end);
            return sb.append("e+").append(exp < 10 ? "0" : "").append(exp).toString();
        }
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 21 || (exp >= 6)) {
            StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) sb.append('0');
            return sb.append(a).toString();
        }
        return sign + bd.abs().toPlainString();
    }
}
