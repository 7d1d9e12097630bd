package io.alloytop.metrics;

import java.util.List;

/** Test-only formatter writing families back in text format 0.0.4, as Go's expfmt does. */
final class PromText {
    private PromText() {}

    static String format(List<MetricFamily> families) {
        return format(families, false, false);
    }

    /** crlf: CRLF line ends; loose: extra blanks and a trailing comma wherever the format allows them. */
    static String format(List<MetricFamily> families, boolean crlf, boolean loose) {
        String text = formatLf(families, loose);
        return crlf ? text.replace("\n", "\r\n") : text;
    }

    private static String formatLf(List<MetricFamily> families, boolean loose) {
        StringBuilder sb = new StringBuilder();
        for (MetricFamily f : families) {
            if (!f.help().isEmpty()) {
                sb.append("# HELP ").append(f.name()).append(' ')
                        .append(f.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            }
            sb.append("# TYPE ").append(f.name()).append(' ').append(f.type().name().toLowerCase()).append('\n');
            for (Sample s : f.samples()) {
                if (loose) looseSample(sb, s);
                else sample(sb, s);
            }
        }
        return sb.toString();
    }

    static void sample(StringBuilder sb, Sample s) {
        sb.append(s.name());
        Labels l = s.labels();
        if (l.size() > 0) {
            sb.append('{');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(l.name(i)).append("=\"").append(escapeLabelValue(l.value(i))).append('"');
            }
            sb.append('}');
        }
        sb.append(' ').append(value(s.value()));
        if (s.timestampMs() != Sample.NO_TIMESTAMP) sb.append(' ').append(s.timestampMs());
        sb.append('\n');
    }

    private static void looseSample(StringBuilder sb, Sample s) {
        sb.append(" \t").append(s.name()).append(" {");
        Labels l = s.labels();
        for (int i = 0; i < l.size(); i++) {
            sb.append(' ').append(l.name(i)).append(" =\t\"").append(escapeLabelValue(l.value(i))).append("\" ,");
        }
        sb.append("} \t").append(value(s.value()));
        if (s.timestampMs() != Sample.NO_TIMESTAMP) sb.append("\t ").append(s.timestampMs());
        sb.append(" \t\n\n");
    }

    static String escapeLabelValue(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String value(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (v == Double.POSITIVE_INFINITY) return "+Inf";
        if (v == Double.NEGATIVE_INFINITY) return "-Inf";
        return Double.toString(v);
    }
}
