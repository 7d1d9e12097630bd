package io.alloytop.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded store of log lines: keeps the newest {@code capacity} entries and counts the ones it
 * dropped. Appends are amortised O(1) and may come from any thread; {@link #snapshot()} is
 * O(capacity / chunk) and gives an immutable {@link LogSnapshot} for the UI thread.
 *
 * <p>Lines live in fixed-size chunks that are written once and never reused: a snapshot keeps
 * the chunks it needs alive while the buffer moves on, so nothing is copied per line or per frame.
 * Memory is bounded by the capacity plus about one chunk (plus whatever old snapshots still hold).
 */
public final class LogBuffer {
    private final int capacity;
    private final int chunkBits;
    private final ArrayList<LogLine[]> chunks = new ArrayList<>();
    private long firstChunk; // chunk number of chunks.get(0)
    private long start;      // oldest seq still kept
    private long end;        // next seq to assign

    public LogBuffer(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        int chunk = Integer.highestOneBit(Math.max(16, Math.min(1024, capacity / 4)));
        this.chunkBits = Integer.numberOfTrailingZeros(chunk);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized void append(LogEntry entry) {
        put(entry);
    }

    public synchronized void append(List<LogEntry> batch) {
        for (LogEntry e : batch) put(e);
    }

    private void put(LogEntry entry) {
        long seq = end;
        int slot = (int) (seq & ((1 << chunkBits) - 1));
        if (slot == 0) {
            if (chunks.isEmpty()) firstChunk = seq >>> chunkBits;
            chunks.add(new LogLine[1 << chunkBits]);
        }
        chunks.get(chunks.size() - 1)[slot] = LogLine.of(seq, entry);
        end = seq + 1;
        if (end - start > capacity) {
            start = end - capacity;
            while ((firstChunk + 1) << chunkBits <= start) {
                chunks.remove(0);
                firstChunk++;
            }
        }
    }

    /** Entries ever appended. */
    public synchronized long appended() {
        return end;
    }

    /** Entries pushed out of the ring by newer ones. */
    public synchronized long dropped() {
        return start;
    }

    public synchronized LogSnapshot snapshot() {
        return new LogSnapshot(chunks.toArray(new LogLine[0][]), firstChunk, chunkBits, start, end);
    }
}
