package io.alloytop.ui.model;

import io.alloytop.problems.ComponentFlow;
import io.alloytop.problems.FlowReport;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import java.util.Locale;

/** Table columns that can be sorted on; the name is what `:sort NAME` accepts. */
public enum SortColumn {
    HEALTH, ID, TYPE, MODULE, AGE, MESSAGE,
    /** Rates from the detector's flows: busiest first, unmeasured components last. */
    IN, OUT, FAIL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SortColumn parse(String s) {
        for (SortColumn c : values()) if (c.label().startsWith(s.toLowerCase(Locale.ROOT)) && !s.isEmpty()) return c;
        return null;
    }

    public SortColumn next() {
        return next(false);
    }

    /** The next column shown: the rate columns only count when there are rates to sort by. */
    public SortColumn next(boolean rates) {
        int n = rates ? values().length : IN.ordinal();
        return values()[(ordinal() + 1) % n];
    }

    Comparator<ComponentRow> comparator(FlowReport flows) {
        Comparator<ComponentRow> byId = Comparator.comparing(ComponentRow::globalId);
        switch (this) {
            case IN: return byRate(flows, ComponentFlow::inRate).thenComparing(byId);
            case OUT: return byRate(flows, ComponentFlow::outRate).thenComparing(byId);
            case FAIL: return byRate(flows, ComponentFlow::failedRate).thenComparing(byId);
            case HEALTH: return Comparator.comparing(ComponentRow::health).thenComparing(byId);
            case ID: return Comparator.comparing(ComponentRow::id).thenComparing(ComponentRow::module);
            case TYPE: return Comparator.comparing(ComponentRow::type).thenComparing(byId);
            case MODULE: return Comparator.comparing(ComponentRow::module).thenComparing(ComponentRow::id);
            // most recent change first: that is what "age" sorting is for at 3 a.m.
            case AGE: return Comparator.comparing(ComponentRow::updated,
                    Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder())).thenComparing(byId);
            default: return Comparator.comparing(ComponentRow::message).thenComparing(byId);
        }
    }

    private static Comparator<ComponentRow> byRate(FlowReport flows, ToDoubleFunction<ComponentFlow> rate) {
        return Comparator.comparingDouble((ComponentRow r) -> {
            ComponentFlow f = flows.flow(r.globalId());
            double v = f == null ? Double.NaN : rate.applyAsDouble(f);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v; // descending, NaN last
        });
    }
}
