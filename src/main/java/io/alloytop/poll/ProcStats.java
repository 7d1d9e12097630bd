package io.alloytop.poll;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Host and self figures from Linux /proc (and the JVM for alloytop's own CPU time). Any figure
 * that cannot be read is NaN/null: a missing /proc is a fact of the platform, not an error.
 */
public class ProcStats {
    /** Cumulative CPU ticks since boot (busy excludes idle and iowait), memory in bytes. */
    public record HostSample(double busyTicks, double totalTicks, double memUsedBytes, double memTotalBytes) {}

    /** Cumulative CPU nanoseconds of this process and its resident set in bytes. */
    public record SelfSample(double cpuNanos, double rssBytes) {}

    private final Path proc;

    public ProcStats() {
        this(Path.of("/proc"));
    }

    public ProcStats(Path procRoot) {
        this.proc = procRoot;
    }

    public HostSample host() {
        double busy = Double.NaN;
        double total = Double.NaN;
        try {
            List<String> lines = Files.readAllLines(proc.resolve("stat"));
            for (String l : lines) {
                if (!l.startsWith("cpu ")) continue;
                String[] f = l.trim().split("\\s+");
                double t = 0;
                double idle = 0;
                // user nice system idle iowait irq softirq steal; guest time is already inside user
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    double v = Double.parseDouble(f[i]);
                    t += v;
                    if (i == 4 || i == 5) idle += v;
                }
                total = t;
                busy = t - idle;
                break;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc hidden: host figures stay unknown
        }
        double memTotal = Double.NaN;
        double memAvail = Double.NaN;
        try {
            for (String l : Files.readAllLines(proc.resolve("meminfo"))) {
                if (l.startsWith("MemTotal:")) memTotal = kib(l);
                else if (l.startsWith("MemAvailable:")) memAvail = kib(l);
            }
        } catch (IOException | RuntimeException e) {
            // as above
        }
        return new HostSample(busy, total, memTotal - memAvail, memTotal);
    }

    public SelfSample self() {
        double cpu = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long n = os.getProcessCpuTime();
            if (n >= 0) cpu = n;
        }
        double rss = Double.NaN;
        try {
            for (String l : Files.readAllLines(proc.resolve("self/status"))) {
                if (l.startsWith("VmRSS:")) rss = kib(l);
            }
        } catch (IOException | RuntimeException e) {
            Runtime rt = Runtime.getRuntime();
            rss = rt.totalMemory(); // the heap is the best stand-in without /proc
        }
        return new SelfSample(cpu, rss);
    }

    private static double kib(String line) {
        String[] f = line.trim().split("\\s+");
        return Double.parseDouble(f[1]) * 1024;
    }
}
