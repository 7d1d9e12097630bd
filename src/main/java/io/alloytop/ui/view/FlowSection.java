package io.alloytop.ui.view;

import io.alloytop.problems.ComponentFlow;
import io.alloytop.problems.Problem;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import java.util.List;
import java.util.Locale;

/** The detail view's "Flow" section: rates in/out/failed/retried, lag, an out-rate sparkline and open problems. */
final class FlowSection {
    private static final int SPARK = 40;

    private FlowSection() {}

    static void add(List<Line> out, UiState s, String globalId, char[] levels) {
        ComponentFlow f = s.flows.flow(globalId);
        List<Problem> mine = s.flows.problems().stream().filter(p -> p.componentId().equals(globalId)).toList();
        if (f == null && mine.isEmpty()) return;
        out.add(Line.of("", Element.BASE));
        out.add(Line.of("Flow (per second, last poll)", Element.DETAIL_SECTION));
        if (f != null) {
            out.add(row("in      ", FlowText.rate(f.inRate(), f.unit()), Element.DETAIL_VALUE));
            out.add(row("out     ", FlowText.rate(f.outRate(), f.unit()), f.outRate() == 0 ? Element.WARN : Element.DETAIL_VALUE));
            out.add(row("failed  ", FlowText.rate(f.failedRate(), f.unit()), f.failedRate() > 0 ? Element.ERROR : Element.DETAIL_VALUE));
            out.add(row("retries ", FlowText.rate(f.retryRate()), f.retryRate() > 0 ? Element.WARN : Element.DETAIL_VALUE));
            if (!Double.isNaN(f.lagSeconds())) {
                out.add(row("lag     ", String.format(Locale.ROOT, "%.0fs behind (highest received − highest sent)", f.lagSeconds()),
                        Element.DETAIL_VALUE));
            }
            if (!Double.isNaN(f.pending())) out.add(row("pending ", Fmt.count(f.pending()) + " " + f.unit(), Element.DETAIL_VALUE));
            out.add(Line.builder().add("out     ", Element.DETAIL_KEY)
                    .add(spark(f.outHistory(), SPARK, levels), Element.SPARK_CPU)
                    .add("  last " + f.outHistory().length + " polls", Element.DIM).build());
        }
        for (Problem p : mine) {
            boolean crit = p.severity() == Problem.Severity.CRITICAL;
            out.add(Line.builder().add(crit ? "CRIT    " : "WARN    ", crit ? Element.ERROR : Element.WARN)
                    .add(Sanitizer.line(p.reason()), Element.DETAIL_VALUE).build());
        }
    }

    private static Line row(String k, String v, Element e) {
        return Line.builder().add(k, Element.DETAIL_KEY).add(v, e).build();
    }

    /** Scaled from 0, so a flat healthy rate reads as a steady bar and a stall drops to the floor. */
    static String spark(double[] values, int width, char[] levels) {
        StringBuilder sb = new StringBuilder(width);
        int start = Math.max(0, values.length - width);
        double hi = 0;
        for (int i = start; i < values.length; i++) if (values[i] > hi) hi = values[i];
        for (int i = start; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) sb.append(' ');
            else if (hi <= 0) sb.append(levels[0]);
            else sb.append(levels[(int) Math.round(Math.max(0, v) / hi * (levels.length - 1))]);
        }
        return sb.toString();
    }
}
