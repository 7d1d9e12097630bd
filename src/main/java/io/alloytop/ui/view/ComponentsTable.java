package io.alloytop.ui.view;

import io.alloytop.alloy.HealthState;
import io.alloytop.ui.model.ComponentRow;
import io.alloytop.ui.model.Layout.Rect;
import io.alloytop.text.Sanitizer;
import io.alloytop.ui.model.SortColumn;
import io.alloytop.ui.model.UiState;
import io.alloytop.ui.theme.Element;
import io.alloytop.ui.theme.Style;
import io.alloytop.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;

/** The components table: a header line, then one line per component, selection highlighted. */
final class ComponentsTable {
    private ComponentsTable() {}

    record Col(SortColumn column, String title, int x, int w) {}

    private static final int RATE_W = 8; // "999.9k/s"


    static void render(UiState s, Painter p, Rect r, boolean focused) {
        if (r.isEmpty()) return;
        Style base = p.style(Element.BASE);
        p.fill(r, base);
        List<ComponentRow> rows = s.visibleRows();
        List<Col> cols = columns(rows, r.w(), healthWidth(p.theme()), !s.flows.flows().isEmpty());
        Style head = p.style(Element.TABLE_HEADER);
        p.fillLine(r.y(), r.x(), r.w(), head);
        for (Col c : cols) {
            String t = c.title();
            if (s.sort.column() == c.column()) t += s.sort.reversed() ? p.glyphs().up() : p.glyphs().down();
            p.put(r.x() + c.x(), r.y(), t, head, c.w());
        }
        String pos = rows.isEmpty() ? "0/0" : (s.selectedIndex() + 1) + "/" + rows.size();
        if (rows.size() != s.allRows.size()) pos += " of " + s.allRows.size();
        p.putRight(r.x() + r.w() - 1, r.y(), " " + pos, head, 24);

        int h = r.h() - 1;
        if (rows.isEmpty()) {
            p.put(r.x() + 2, r.y() + 2, emptyText(s), p.style(Element.DIM), r.w() - 4);
            return;
        }
        int sel = s.selectedIndex();
        int top = Math.max(0, Math.min(s.top, Math.max(0, rows.size() - h)));
        if (sel < top) top = sel;
        if (sel >= top + h) top = sel - h + 1;
        for (int i = 0; i < h && top + i < rows.size(); i++) {
            ComponentRow row = rows.get(top + i);
            int y = r.y() + 1 + i;
            boolean selected = top + i == sel;
            Style rowStyle = selected ? p.style(focused ? Element.TABLE_SELECTED : Element.TABLE_SELECTED_INACTIVE) : base;
            if (selected) p.fillLine(y, r.x(), r.w(), rowStyle);
            for (Col c : cols) {
                int x = r.x() + c.x();
                switch (c.column()) {
                    case HEALTH: {
                        Style hs = p.style(Theme.healthElement(row.health()));
                        if (selected) hs = new Style(hs.fg(), rowStyle.bg(), merge(hs, rowStyle));
                        p.put(x, y, healthText(p.theme(), row.health()), hs, c.w());
                        break;
                    }
                    case ID: p.put(x, y, row.id(), rowStyle, c.w()); break;
                    case TYPE: p.put(x, y, row.type(), selected ? rowStyle : p.style(Element.DIM), c.w()); break;
                    case MODULE: p.put(x, y, row.module().isEmpty() ? "·" : tail(row.module(), c.w(), p.glyphs().ellipsis()),
                            selected ? rowStyle : p.style(Element.DIM), c.w()); break;
                    case AGE: p.put(x, y, Fmt.age(row.updated(), s.now), rowStyle, c.w()); break;
                    case IN:
                    case OUT:
                    case FAIL: rate(p, s, row, c, x, y, rowStyle, selected); break;
                    default: {
                        Style ms = row.health().isBad() && !selected ? p.style(Theme.healthElement(row.health())) : rowStyle;
                        p.put(x, y, row.message(), ms, c.w());
                    }
                }
            }
        }
    }

    /** Right-aligned; a writer sending nothing is a warning, any failure an error. */
    private static void rate(Painter p, UiState s, ComponentRow row, Col c, int x, int y, Style rowStyle, boolean selected) {
        var f = s.flows.flow(row.globalId());
        double v = f == null ? Double.NaN : c.column() == SortColumn.IN ? f.inRate()
                : c.column() == SortColumn.OUT ? f.outRate() : f.failedRate();
        String t = FlowText.rate(v);
        Style st = rowStyle;
        if (!selected && Double.isNaN(v)) st = p.style(Element.DIM);
        else if (!selected && c.column() == SortColumn.FAIL && v > 0) st = p.style(Element.ERROR);
        else if (!selected && c.column() == SortColumn.OUT && v == 0) st = p.style(Element.WARN);
        p.putRight(x + c.w(), y, t, st, c.w());
    }

    private static java.util.Set<com.googlecode.lanterna.SGR> merge(Style a, Style b) {
        java.util.EnumSet<com.googlecode.lanterna.SGR> s = java.util.EnumSet.noneOf(com.googlecode.lanterna.SGR.class);
        s.addAll(a.sgr());
        s.addAll(b.sgr());
        return s;
    }

    /** Module IDs differ at the end (foreach.hosts/foreach_web1_1), so cut them at the front. */
    static String tail(String s, int w, String ellipsis) {
        if (Painter.width(s) <= w || w <= 2) return s;
        int i = s.length();
        int used = Painter.width(ellipsis);
        while (i > 0 && used + Painter.width(s.substring(i - 1, i)) <= w) {
            i--;
            used += Painter.width(s.substring(i, i + 1));
        }
        return ellipsis + s.substring(i);
    }

    static String healthText(Theme t, HealthState h) {
        String sym = t.symbol(h);
        return sym.isEmpty() ? h.label() : sym + " " + h.label();
    }

    static int healthWidth(Theme t) {
        int w = 0;
        for (HealthState h : HealthState.values()) w = Math.max(w, Painter.width(healthText(t, h)));
        return w;
    }

    private static String emptyText(UiState s) {
        if (s.snapshot == null) return "waiting for the first answer from " + Sanitizer.line(s.target) + "…";
        if (s.snapshot.componentsFailure() != null) {
            return "could not list components: " + Sanitizer.line(s.snapshot.componentsFailure().message());
        }
        if (s.allRows.isEmpty()) return s.snapshot.reachable() ? "Alloy reports no components" : "no component data yet";
        return "no component matches `" + Sanitizer.line(s.filter) + "` (Esc clears the filter)";
    }

    /**
     * Column widths from the content, within shares of the width: the message takes what is left.
     * Narrow screens drop MODULE, then TYPE, then AGE.
     */
    static List<Col> columns(List<ComponentRow> rows, int width, int healthW) {
        return columns(rows, width, healthW, false);
    }

    /** With rates, IN/OUT/FAIL (8 columns each) come before the message on screens of 100 columns or more. */
    static List<Col> columns(List<ComponentRow> rows, int width, int healthW, boolean rates) {
        int idMax = 2, typeMax = 4, modMax = 6;
        boolean anyModule = false;
        for (ComponentRow r : rows) {
            idMax = Math.max(idMax, Painter.width(r.id()));
            typeMax = Math.max(typeMax, Painter.width(r.type()));
            modMax = Math.max(modMax, Painter.width(r.module()));
            anyModule |= !r.module().isEmpty();
        }
        if (!anyModule) modMax = 6;
        // the ID starts with the type, so TYPE is the first column to go on narrow screens
        boolean showType = width >= 140;
        boolean showModule = width >= 64;
        boolean showAge = width >= 48;
        int gap = 1;
        boolean showRates = rates && width >= 100;
        int avail = width - 1 - healthW - gap - (showAge ? 4 + gap : 0) - (showRates ? 3 * (RATE_W + gap) : 0) - 1;
        int idW = Math.min(idMax, Math.max(16, (int) (avail * (showType ? 0.32 : width < 80 ? 0.6 : 0.45))));
        int typeW = showType ? Math.min(typeMax, Math.max(10, (int) (avail * 0.18))) : 0;
        int modW = showModule ? Math.min(modMax, Math.max(6, (int) (avail * 0.16))) : 0;
        List<Col> out = new ArrayList<>();
        int x = 1;
        out.add(new Col(SortColumn.HEALTH, "HEALTH", x, healthW));
        x += healthW + gap;
        out.add(new Col(SortColumn.ID, "ID", x, idW));
        x += idW + gap;
        if (showType) {
            out.add(new Col(SortColumn.TYPE, "TYPE", x, typeW));
            x += typeW + gap;
        }
        if (showModule) {
            out.add(new Col(SortColumn.MODULE, "MODULE", x, modW));
            x += modW + gap;
        }
        if (showAge) {
            out.add(new Col(SortColumn.AGE, "AGE", x, 4));
            x += 4 + gap;
        }
        if (showRates) {
            for (SortColumn c : new SortColumn[] {SortColumn.IN, SortColumn.OUT, SortColumn.FAIL}) {
                out.add(new Col(c, c.name(), x, RATE_W));
                x += RATE_W + gap;
            }
        }
        out.add(new Col(SortColumn.MESSAGE, "MESSAGE", x, Math.max(0, width - x - 1)));
        return out;
    }
}
