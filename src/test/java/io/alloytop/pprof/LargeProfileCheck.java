package io.alloytop.pprof;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes a profile in a JVM of its own (LargeProfileTest starts it with a small -Xmx) and prints
 * what the test checks plus time and heap figures, as key=value pairs.
 */
public final class LargeProfileCheck {
    private LargeProfileCheck() {}

    public static void main(String[] args) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(Path.of(args[0])), false);
        ProfileSummary s = d.summary(d.sampleIndex(null));
        ProfileSummary byCum = s.sortedBy(ProfileSummary.SortKey.CUM);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long flatSum = s.rows().stream().mapToLong(ProfileSummary.Row::flat).sum();
        System.out.println("samples=" + d.sampleCount() + " total=" + s.total() + " count=" + d.summary(0).total()
                + " flatSum=" + flatSum + " cumTop=" + byCum.rows().get(0).name() + " cumTopValue=" + byCum.rows().get(0).cum()
                + " functions=" + s.rows().size() + " wallMs=" + ms + " cpuMs=" + cpuMs + " peakHeapMB=" + (peak >> 20)
                + " maxHeapMB=" + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
