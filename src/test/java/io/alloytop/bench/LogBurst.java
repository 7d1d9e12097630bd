package io.alloytop.bench;

import io.alloytop.logs.JournalDecoder;
import io.alloytop.logs.Level;
import io.alloytop.logs.LogBuffer;
import io.alloytop.logs.LogEntry;
import io.alloytop.logs.LogFilter;
import io.alloytop.logs.LogView;
import io.alloytop.text.DisplayWidth;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The budget: a burst of 50,000 journal lines/s for 10 s through the real decode + parse +
 * LogBuffer path on one thread, while a simulated UI thread takes a snapshot, updates a filtered,
 * searched view and lays out 50 rows every 50 ms. Reports throughput, the largest gap between
 * frames, the largest stall seen by a 1 ms ticker (GC and safepoints), and the heap after.
 *
 * <p>Run with src/bench/log-burst.sh [rate] [seconds] [ring]; not part of the test suite.
 */
public final class LogBurst {
    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int ring = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        List<String> pool = pool(2000);
        long heapBefore = usedHeapAfterGc();

        LogBuffer buffer = new LogBuffer(ring);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong produced = new AtomicLong();

        Thread ticker = new Thread(() -> {});
        long[] maxStall = {0};
        ticker = new Thread(() -> {
            long last = System.nanoTime();
            while (running.get()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                maxStall[0] = Math.max(maxStall[0], now - last - 1_000_000);
                last = now;
            }
        }, "stall-ticker");
        ticker.setDaemon(true);

        long[] producerCpu = {0}, producerAlloc = {0};
        Thread producer = new Thread(() -> {
            com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long cpu0 = tm.getCurrentThreadCpuTime();
            long alloc0 = tm.getThreadAllocatedBytes(Thread.currentThread().getId());
            JournalDecoder decoder = new JournalDecoder("alloy.service");
            long start = System.nanoTime();
            long total = (long) rate * seconds;
            long done = 0;
            List<LogEntry> batch = new ArrayList<>(1000);
            while (done < total) {
                long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
                if (done >= due) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                while (done < due) {
                    batch.addAll(decoder.decodeLine(pool.get((int) (done % pool.size()))));
                    done++;
                    if (batch.size() >= 1000 || done == due) {
                        buffer.append(batch);
                        batch.clear();
                    }
                }
                produced.set(done);
            }
            producerCpu[0] = tm.getCurrentThreadCpuTime() - cpu0;
            producerAlloc[0] = tm.getThreadAllocatedBytes(Thread.currentThread().getId()) - alloc0;
        }, "producer");

        List<Long> frameStarts = new ArrayList<>();
        long[] maxFrame = {0}, uiCpu = {0};
        Thread ui = new Thread(() -> {
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            LogView view = LogView.of(buffer.snapshot()).withFilter(LogFilter.ALL.withMinLevel(Level.WARN)).withQuery("error");
            long sink = 0;
            while (running.get()) {
                long t0 = System.nanoTime();
                frameStarts.add(t0);
                view = view.update(buffer.snapshot());
                int rows = view.rowCount();
                for (int r = Math.max(0, rows - 50); r < rows; r++) {
                    sink += DisplayWidth.fit(view.row(r).text(), 200).length() + view.highlights(r).length;
                }
                sink += view.nextMatch(rows - 1).orElse(0);
                maxFrame[0] = Math.max(maxFrame[0], System.nanoTime() - t0);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    break;
                }
            }
            uiCpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            if (sink == 42) System.out.print("");
        }, "ui");

        long gcCount0 = gcCount(), gcTime0 = gcTime();
        long t0 = System.nanoTime();
        ticker.start();
        ui.start();
        producer.start();
        producer.join();
        long elapsed = System.nanoTime() - t0;
        running.set(false);
        ui.join();
        ticker.join();

        long maxGap = 0;
        for (int i = 1; i < frameStarts.size(); i++) maxGap = Math.max(maxGap, frameStarts.get(i) - frameStarts.get(i - 1));
        long heapAfter = usedHeapAfterGc();
        long retainedBefore = heapAfter;
        System.out.printf(Locale.ROOT, "lines: %,d at target %,d/s for %d s, ring %,d%n", produced.get(), rate, seconds, ring);
        System.out.printf(Locale.ROOT, "sustained: %,.0f lines/s (wall %.2f s)%n", produced.get() / (elapsed / 1e9), elapsed / 1e9);
        System.out.printf(Locale.ROOT, "ingest CPU: %.2f s for %,d lines = %.1f us/line = %.0f%% of one core at %,d/s; "
                + "allocated %.0f bytes/line%n", producerCpu[0] / 1e9, produced.get(), producerCpu[0] / 1e3 / produced.get(),
                100.0 * producerCpu[0] / 1e9 / seconds, rate, producerAlloc[0] / (double) produced.get());
        System.out.printf(Locale.ROOT, "UI thread CPU: %.2f s over %d frames = %.2f ms/frame%n", uiCpu[0] / 1e9,
                frameStarts.size(), uiCpu[0] / 1e6 / Math.max(1, frameStarts.size()));
        System.out.printf(Locale.ROOT, "load average during run: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "ring: %,d held, %,d dropped%n", buffer.snapshot().size(), buffer.dropped());
        System.out.printf(Locale.ROOT, "frames: %d, max gap between frames %.1f ms (target 50 ms), slowest frame %.2f ms%n",
                frameStarts.size(), maxGap / 1e6, maxFrame[0] / 1e6);
        System.out.printf(Locale.ROOT, "max stall seen by a 1 ms ticker: %.1f ms; GC: %d collections, %d ms total%n",
                maxStall[0] / 1e6, gcCount() - gcCount0, gcTime() - gcTime0);
        System.out.printf(Locale.ROOT, "heap used after GC: before %.1f MiB, after %.1f MiB (buffer + view retained: %.1f MiB, %.0f bytes/line)%n",
                heapBefore / 1048576.0, retainedBefore / 1048576.0, (heapAfter - heapBefore) / 1048576.0,
                (heapAfter - heapBefore) / (double) ring);
        System.out.printf(Locale.ROOT, "max heap: %.0f MiB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
        if (buffer.snapshot().size() < 0) System.out.println(buffer); // keep the buffer reachable until measured
    }

    /** Journal JSON lines like Alloy's under load: mostly info/debug, some warn/error, a few hostile. */
    static List<String> pool(int n) {
        String[] comps = {"prometheus.remote_write.default", "loki.write.default", "prometheus.scrape.node",
                "otelcol.exporter.otlp.default", "loki.source.journal.read"};
        String[] levels = {"info", "debug", "info", "warn", "info", "error", "debug", "info"};
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String level = levels[i % levels.length];
            String msg = "ts=2026-08-21T13:41:" + String.format(Locale.ROOT, "%02d.%06dZ", i % 60, i) + " level=" + level
                    + " msg=\"" + (level.equals("error") ? "failed to send batch, error from remote" : "finished node evaluation")
                    + "\" component_path=/ component_id=" + comps[i % comps.length] + " trace_id=4bf92f3577b34da6a3ce929d0e0e" + i
                    + " duration=1." + i + "ms";
            String message = i % 97 == 0
                    ? bytesJson(msg.replace("finished", "\u001b[31mfinished\u001b[0m"))
                    : "\"" + msg.replace("\"", "\\\"") + "\"";
            out.add("{\"__CURSOR\":\"s=739ad463348b4ceca5a9e69c95a3c93f;i=" + Integer.toHexString(1000 + i)
                    + ";b=0123456789abcdef0123456789abcdef;m=3e8;t=60a24181e4000;x=f65ec66243a858e1\","
                    + "\"__REALTIME_TIMESTAMP\":\"" + (1755783667000000L + i) + "\",\"__MONOTONIC_TIMESTAMP\":\"" + (1000 + i) + "\","
                    + "\"_BOOT_ID\":\"0123456789abcdef0123456789abcdef\",\"_TRANSPORT\":\"stdout\",\"PRIORITY\":\"6\","
                    + "\"SYSLOG_IDENTIFIER\":\"alloy\",\"_PID\":\"4242\",\"_COMM\":\"alloy\",\"_EXE\":\"/usr/bin/alloy\","
                    + "\"_SYSTEMD_UNIT\":\"alloy.service\",\"_SYSTEMD_INVOCATION_ID\":\"11111111111111111111111111111111\","
                    + "\"MESSAGE\":" + message + "}");
        }
        return out;
    }

    private static String bytesJson(String s) {
        StringBuilder b = new StringBuilder("[");
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (b.length() > 1) b.append(',');
            b.append(x & 0xFF);
        }
        return b.append(']').toString();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
        return n;
    }

    private static long gcTime() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionTime());
        return n;
    }
}
