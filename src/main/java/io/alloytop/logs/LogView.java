package io.alloytop.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the logs pane shows: an immutable, filtered, searchable window on the buffer. Every
 * operation returns a new view, so it fits a pure {@code update(state, event)}.
 *
 * <pre>{@code
 * LogView v = LogView.of(buffer.snapshot());           // following, no filter
 * v = v.update(buffer.snapshot());                      // on each log batch or frame: O(new lines)
 * v = v.withFilter(v.filter().withMinLevel(Level.WARN)); // O(lines held)
 * v = v.withQuery("401");                               // search: highlights and n/N
 * for (int r = top; r < Math.min(top + height, v.rowCount()); r++) draw(v.row(r).text(), v.highlights(r));
 * OptionalInt next = v.nextMatch(selectedRow);          // n; previousMatch for N (both wrap)
 * v = v.pause();  ... v.arrivedWhilePaused() ...  v = v.follow();
 * }</pre>
 *
 * Rows are numbered 0 (oldest shown) to rowCount()-1 (newest). While paused the rows stay exactly
 * as they were (the paused view keeps its snapshot alive, so memory can reach twice the ring's
 * bound until follow), and {@link #arrivedWhilePaused()} counts the newer lines that pass the filter.
 */
public final class LogView {
    private final LogSnapshot shown;
    private final LogSnapshot latest;
    private final LogFilter filter;
    private final String query;
    private final SeqIndex rows;
    private final SeqIndex matches;
    private final boolean paused;
    private final long scannedWhilePaused; // seqs below this are counted in arrived
    private final long arrived;

    private LogView(LogSnapshot shown, LogSnapshot latest, LogFilter filter, String query, SeqIndex rows,
                    SeqIndex matches, boolean paused, long scannedWhilePaused, long arrived) {
        this.shown = shown;
        this.latest = latest;
        this.filter = filter;
        this.query = query;
        this.rows = rows;
        this.matches = matches;
        this.paused = paused;
        this.scannedWhilePaused = scannedWhilePaused;
        this.arrived = arrived;
    }

    public static LogView of(LogSnapshot snapshot) {
        return new LogView(LogSnapshot.EMPTY, LogSnapshot.EMPTY, LogFilter.ALL, "", SeqIndex.EMPTY, SeqIndex.EMPTY,
                false, 0, 0).update(snapshot);
    }

    public LogFilter filter() {
        return filter;
    }

    /** The search text; "" for none. */
    public String query() {
        return query;
    }

    public boolean paused() {
        return paused;
    }

    public int rowCount() {
        return rows.size();
    }

    public LogLine row(int i) {
        return shown.get(rows.get(i));
    }

    /** Lines dropped from the ring (all of them, filtered or not), as of the latest update. */
    public long dropped() {
        return latest.dropped();
    }

    /** Lines that passed the filter since pause(); 0 when following. */
    public long arrivedWhilePaused() {
        return paused ? arrived : 0;
    }

    /** Takes newer lines in: extends the rows when following, counts them when paused. */
    public LogView update(LogSnapshot next) {
        if (next.end() < latest.end()) return of(next).withFilter(filter).withQuery(query); // a new buffer
        if (paused) {
            long from = Math.max(scannedWhilePaused, next.start());
            long n = arrived + (from - scannedWhilePaused); // lines gone before we could look: counted unfiltered
            for (long s = from; s < next.end(); s++) if (filter.matches(next.get(s).entry())) n++;
            return new LogView(shown, next, filter, query, rows, matches, true, next.end(), n);
        }
        SeqIndex r = rows.trimBelow(next.start());
        SeqIndex m = matches.trimBelow(next.start());
        for (long s = Math.max(shown.end(), next.start()); s < next.end(); s++) {
            LogLine line = next.get(s);
            if (!filter.matches(line.entry())) continue;
            r = r.append(s);
            if (!query.isEmpty() && indexOfIgnoreCase(line.text(), query, 0) >= 0) m = m.append(s);
        }
        return new LogView(next, next, filter, query, r, m, false, next.end(), 0);
    }

    /** Re-filters every held line (keeps pause: the paused rows are re-filtered from the frozen snapshot). */
    public LogView withFilter(LogFilter f) {
        SeqIndex r = SeqIndex.EMPTY;
        for (long s = shown.start(); s < shown.end(); s++) if (f.matches(shown.get(s).entry())) r = r.append(s);
        return new LogView(shown, latest, f, query, r, SeqIndex.EMPTY, paused, scannedWhilePaused, arrived)
                .searchAll(query);
    }

    /** Sets the search (case-insensitive substring of the row text); "" or null clears it. */
    public LogView withQuery(String q) {
        return searchAll(q == null ? "" : q);
    }

    private LogView searchAll(String q) {
        SeqIndex m = SeqIndex.EMPTY;
        if (!q.isEmpty()) {
            for (int i = 0; i < rows.size(); i++) {
                long s = rows.get(i);
                if (indexOfIgnoreCase(shown.get(s).text(), q, 0) >= 0) m = m.append(s);
            }
        }
        return new LogView(shown, latest, filter, q, rows, m, paused, scannedWhilePaused, arrived);
    }

    /** Freezes the rows; newer lines are only counted until {@link #follow()}. */
    public LogView pause() {
        if (paused) return this;
        return new LogView(shown, latest, filter, query, rows, matches, true, shown.end(), 0)
                .update(latest);
    }

    /** Jumps to the newest lines and keeps following. */
    public LogView follow() {
        if (!paused) return this;
        return new LogView(shown, shown, filter, query, rows, matches, false, 0, 0).update(latest);
    }

    /** How many rows hold a match. */
    public int matchCount() {
        return matches.size();
    }

    /** The first row after {@code row} holding a match, wrapping to the top; empty when nothing matches. */
    public OptionalInt nextMatch(int row) {
        if (matches.size() == 0) return OptionalInt.empty();
        long after = row < 0 ? Long.MIN_VALUE : row >= rows.size() ? Long.MAX_VALUE : rows.get(row);
        int k = after == Long.MAX_VALUE ? matches.size() : matches.lowerBound(after + 1);
        if (k >= matches.size()) k = 0;
        return OptionalInt.of(rows.lowerBound(matches.get(k)));
    }

    /** The last row before {@code row} holding a match, wrapping to the bottom. */
    public OptionalInt previousMatch(int row) {
        if (matches.size() == 0) return OptionalInt.empty();
        long before = row >= rows.size() ? Long.MAX_VALUE : row < 0 ? Long.MIN_VALUE : rows.get(row);
        int k = before == Long.MAX_VALUE ? matches.size() - 1 : matches.lowerBound(before) - 1;
        if (k < 0) k = matches.size() - 1;
        return OptionalInt.of(rows.lowerBound(matches.get(k)));
    }

    /** Char offsets in row(i).text() where the query matches; each match is query().length() chars long. */
    public int[] highlights(int i) {
        if (query.isEmpty()) return new int[0];
        String text = row(i).text();
        List<Integer> out = new ArrayList<>();
        for (int p = indexOfIgnoreCase(text, query, 0); p >= 0; p = indexOfIgnoreCase(text, query, p + query.length())) {
            out.add(p);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The row showing this sequence number, or the first row after it. */
    public int rowOf(long seq) {
        return rows.lowerBound(seq);
    }

    /** Case-insensitive indexOf that keeps positions in the original text (no case-mapped copy). */
    static int indexOfIgnoreCase(String text, String q, int from) {
        int m = q.length();
        if (m == 0) return from <= text.length() ? from : -1;
        char first = q.charAt(0);
        char lo = Character.toLowerCase(first);
        char up = Character.toUpperCase(first);
        for (int i = Math.max(0, from), last = text.length() - m; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == lo || c == up || c == first) && text.regionMatches(true, i, q, 0, m)) return i;
        }
        return -1;
    }

    @Override
    public String toString() {
        return "LogView[rows=" + rowCount() + ", filter=" + filter + ", query=" + query
                + ", paused=" + paused + "]";
    }
}
