package io.alloytop.logs;

/**
 * An immutable picture of a {@link LogBuffer}: the lines with sequence numbers in
 * [{@link #start()}, {@link #end()}). Safe to read from any thread.
 */
public final class LogSnapshot {
    public static final LogSnapshot EMPTY = new LogSnapshot(new LogLine[0][], 0, 4, 0, 0);

    private final LogLine[][] chunks;
    private final long firstChunk;
    private final int chunkBits;
    private final long start;
    private final long end;

    LogSnapshot(LogLine[][] chunks, long firstChunk, int chunkBits, long start, long end) {
        this.chunks = chunks;
        this.firstChunk = firstChunk;
        this.chunkBits = chunkBits;
        this.start = start;
        this.end = end;
    }

    /** Sequence number of the oldest line held. */
    public long start() {
        return start;
    }

    /** One past the newest line's sequence number: the count of entries ever appended. */
    public long end() {
        return end;
    }

    public int size() {
        return (int) (end - start);
    }

    /** Lines dropped from the ring before this snapshot was taken. */
    public long dropped() {
        return start;
    }

    /** The line with this sequence number; start() &lt;= seq &lt; end(). */
    public LogLine get(long seq) {
        if (seq < start || seq >= end) throw new IndexOutOfBoundsException("seq " + seq + " not in [" + start + ", " + end + ")");
        return chunks[(int) ((seq >>> chunkBits) - firstChunk)][(int) (seq & ((1 << chunkBits) - 1))];
    }
}
