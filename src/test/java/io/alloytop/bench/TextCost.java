package io.alloytop.bench;

import io.alloytop.logs.JournalDecoder;
import io.alloytop.text.DisplayWidth;
import io.alloytop.text.Sanitizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per call (thread CPU clock, so a busy shared machine does not inflate it the way it
 * inflates JMH's wall-clock scores) of the per-string work: sanitise, fit, measure, decode.
 * Run with src/bench/text-cost.sh.
 */
public final class TextCost {
    public static void main(String[] args) {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        String clean = "ts=2026-08-21T13:42:10.117Z level=warn msg=\"Failed to send batch, retrying\" component_path=/ "
                + "component_id=prometheus.remote_write.default subcomponent=rw remote_name=0b9c7b err=\"server returned HTTP status 401\"";
        String hostile = clean.replace("Failed", "\u001b[31mFailed\u001b[0m\u0007").replace("retrying", "retry\u009b2J\u202e");
        String wide = "日本語のログ message with 😀 emoji and combining e\u0301 " + clean;
        List<String> journal = LogBurst.pool(2000);
        JournalDecoder decoder = new JournalDecoder("alloy.service");
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int n = 1_000_000;
            long c0 = t.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += Sanitizer.line(clean).length();
            long c1 = t.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += Sanitizer.line(hostile).length();
            long c2 = t.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += DisplayWidth.fit(wide, 80).length();
            long c3 = t.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += DisplayWidth.of(wide);
            long c4 = t.getCurrentThreadCpuTime();
            int m = n / 5;
            for (int i = 0; i < m; i++) sink += decoder.decodeLine(journal.get(i % journal.size())).size();
            long c5 = t.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "round %d, CPU ns per call: sanitise clean %d-char line %.0f, hostile %.0f, "
                            + "fit %d-char wide line to 80 cols %.0f, width of it %.0f, decode one journal JSON entry %.0f%n",
                    round, clean.length(), (c1 - c0) / (double) n, (c2 - c1) / (double) n, wide.length(),
                    (c3 - c2) / (double) n, (c4 - c3) / (double) n, (c5 - c4) / (double) m);
        }
        if (sink == 1) System.out.println();
    }
}
