package io.alloytop.ui.view;

import io.alloytop.alloy.HealthState;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.ConfigState;
import io.alloytop.ui.model.ComponentRow;
import io.alloytop.ui.model.Durations;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import io.alloytop.ui.theme.Theme;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Two lines: who and how Alloy is (line 1), components by health or the STALE/UNREACHABLE banner (line 2). */
final class HeaderView {
    private HeaderView() {}

    /** Data older than this many intervals is called stale even if the last poll "succeeded". */
    static final int STALE_INTERVALS = 3;

    static void render(UiState s, Painter p, Rect r) {
        Style base = p.style(Element.HEADER);
        p.fill(r, base);
        Style label = p.style(Element.HEADER_LABEL).over(base);
        Style value = p.style(Element.HEADER_VALUE).over(base);
        Style title = p.style(Element.HEADER_TITLE).over(base);
        Style ok = p.style(Element.OK).over(base);
        Style warn = p.style(Element.WARN).over(base);
        Style err = p.style(Element.ERROR).over(base);
        AlloySnapshot snap = s.snapshot;

        Segments l1 = new Segments();
        l1.add(" alloytop ", title, 0);
        l1.add(Sanitizer.line(s.target), value, 0);
        if (s.insecure) l1.add("  " + p.glyphs().warn() + " TLS verify off", warn, 1);
        String right;
        if (snap == null) {
            l1.add("  connecting…", label, 1);
            right = "";
        } else {
            if (!snap.version().isEmpty()) l1.add("  " + Sanitizer.line(snap.version()), value, 4);
            else if (!snap.isAlloy() && snap.reachable()) l1.add("  not Alloy?", warn, 2);
            if (!Double.isNaN(snap.startEpochSeconds())) {
                long up = s.now.getEpochSecond() - (long) snap.startEpochSeconds();
                l1.add("  up ", label, 5).add(Fmt.uptime(up), value, 5);
            }
            if (snap.restarts() > 0) l1.add("  restarted " + snap.restarts() + "×", warn, 2);
            l1.add("  ", label, 2).add(snap.ready() ? "ready" : "NOT READY", snap.ready() ? ok : err, 2);
            ConfigState c = snap.config();
            if (c != null) {
                l1.add("  config ", label, 3);
                if (c.lastLoadSuccessful() && c.loadFailuresTotal() == 0) l1.add("ok", ok, 3);
                else if (c.lastLoadSuccessful()) l1.add("ok (" + Fmt.count(c.loadFailuresTotal()) + " failed loads)", warn, 3);
                else l1.add("FAILED (" + Fmt.count(c.loadFailuresTotal()) + "×)", err, 2);
                if (!c.shortHash().isEmpty()) l1.add(" " + Sanitizer.line(c.shortHash()), label, 6);
            }
            l1.add("  fwd ", label, 7).add("–", label, 7);
            right = refreshed(s);
        }
        int rw = Painter.width(right) + 1;
        int used = l1.draw(p, r.x(), r.y(), Math.max(0, r.w() - rw));
        if (!right.isEmpty() && used + rw <= r.w()) p.putRight(r.x() + r.w() - 1, r.y(), right, label, rw);

        if (r.h() < 2) {
            if (snap != null && isStale(s)) p.putRight(r.x() + r.w(), r.y(), " " + staleWord(s) + " ", p.style(Element.STALE), 14);
            return;
        }
        int y = r.y() + 1;
        if (snap != null && isStale(s)) {
            Style banner = p.style(Element.STALE);
            p.fillLine(y, r.x(), r.w(), banner);
            Segments l2 = new Segments();
            l2.add(" " + staleWord(s) + " ", banner, 0);
            String reason = snap.failure() != null ? Sanitizer.line(snap.failure().message())
                    : "no fresh data for " + Fmt.uptime(ageOfData(s).getSeconds());
            l2.add(" " + reason, banner, 0);
            if (snap.lastGoodAt() != null) {
                l2.add(" · last good data " + Fmt.uptime(Duration.between(snap.lastGoodAt(), s.now).getSeconds()) + " ago", banner, 1);
            } else {
                l2.add(" · no data yet", banner, 1);
            }
            l2.add(" · retrying every " + Durations.format(s.interval), banner, 2);
            l2.draw(p, r.x(), y, r.w());
            return;
        }
        Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
        for (ComponentRow row : s.allRows) counts.merge(row.health(), 1, Integer::sum);
        Segments l2 = new Segments();
        l2.add(" components ", label, 0).add(String.valueOf(s.allRows.size()), value, 0);
        for (HealthState h : new HealthState[] {HealthState.HEALTHY, HealthState.UNHEALTHY, HealthState.UNKNOWN, HealthState.EXITED}) {
            int n = counts.getOrDefault(h, 0);
            Style hs = n == 0 && h != HealthState.HEALTHY ? label : p.style(Theme.healthElement(h)).over(base);
            String sym = p.theme().symbol(h);
            l2.add("  " + (sym.isEmpty() ? "" : sym + " ") + n + " " + h.label(), hs, n == 0 ? 3 + h.ordinal() : h == HealthState.HEALTHY ? 1 : 0);
        }
        ProblemsPanel.headerCount(s, p, l2, base, label);
        if (snap != null && snap.componentsFailure() != null) {
            l2.add("  list failed: " + Sanitizer.line(snap.componentsFailure().message()), err, 1);
        }
        String every = "every " + Durations.format(s.interval) + " ";
        int u2 = l2.draw(p, r.x(), y, r.w() - every.length() - 1);
        if (u2 + every.length() + 1 <= r.w()) p.putRight(r.x() + r.w(), y, every, label, every.length());
    }

    static boolean isStale(UiState s) {
        AlloySnapshot snap = s.snapshot;
        if (snap == null) return false;
        if (!snap.reachable()) return true;
        return ageOfData(s).compareTo(s.interval.multipliedBy(STALE_INTERVALS).plusSeconds(2)) > 0;
    }

    static String staleWord(UiState s) {
        return s.snapshot.reachable() ? "STALE" : "UNREACHABLE";
    }

    private static Duration ageOfData(UiState s) {
        var at = s.snapshot.lastGoodAt() != null ? s.snapshot.lastGoodAt() : s.snapshot.at();
        return at == null ? Duration.ZERO : Duration.between(at, s.now);
    }

    private static String refreshed(UiState s) {
        var at = s.snapshot.lastGoodAt();
        if (at == null) return "no data yet";
        long secs = Math.max(0, Duration.between(at, s.now).getSeconds());
        return "updated " + secs + "s ago";
    }
}
