package io.alloytop.pipeline;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.HealthState;
import io.alloytop.problems.ComponentFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws the component graph as text, one section per module: sources on the left, writers on
 * the right, each edge labelled with its rate where known. A pure function of its inputs, so
 * the UI only blits the lines and tests read them as text.
 *
 * <p>Each row follows one path; a branch starts a new row with {@code └}, and a node already
 * drawn is referred to as {@code ↑name} instead of being drawn twice.
 */
public final class PipelineLayout {
    private static final int EDGE = 11; // "──1.2k/s─▶ "
    private static final int MIN_NODE = 8;

    /** Types whose exports are receivers: a reference to them means data flows *to* them (pre-1.8 Alloy). */
    private static final List<String> RECEIVERS = List.of("prometheus.remote_write", "prometheus.relabel",
            "loki.write", "loki.process", "loki.relabel", "loki.echo", "pyroscope.write", "otelcol.");

    private PipelineLayout() {}

    /**
     * @param edgeRates per-edge rates from Alloy's live-debugging graph, keyed {@code fromGlobalId + "->" + toGlobalId};
     *                  may be empty, then rates come from the per-component flows
     * @param flagged   global IDs with an open problem
     */
    public static List<PipelineLine> render(List<Component> components, Map<String, ComponentFlow> flows,
                                            Map<String, Double> edgeRates, Set<String> flagged, int width) {
        Map<String, List<Component>> byModule = new TreeMap<>();
        for (Component c : components) byModule.computeIfAbsent(c.moduleID(), k -> new ArrayList<>()).add(c);
        List<PipelineLine> out = new ArrayList<>();
        for (Map.Entry<String, List<Component>> e : byModule.entrySet()) {
            new ModuleGraph(e.getKey(), e.getValue(), flows, edgeRates, flagged, width).draw(out);
        }
        if (out.isEmpty()) out.add(new PipelineLine(List.of(new Span("no components", Span.Style.DIM))));
        return out;
    }

    private static final class Cell {
        Component node;
        boolean ref;
        String edgeLabel; // null: no edge drawn into this cell
        boolean branch;
        boolean pass;
        double rate = Double.NaN;
    }

    private static final class ModuleGraph {
        final String module;
        final Map<String, Component> nodes = new LinkedHashMap<>();
        final Map<String, TreeSet<String>> succ = new HashMap<>();
        final Map<String, Integer> indeg = new HashMap<>();
        final Map<String, Integer> depth = new HashMap<>();
        final Map<String, ComponentFlow> flows;
        final Map<String, Double> edgeRates;
        final Set<String> flagged;
        final int width;
        final List<Cell[]> rows = new ArrayList<>();
        final Set<String> placed = new java.util.HashSet<>();
        int cols;

        ModuleGraph(String module, List<Component> comps, Map<String, ComponentFlow> flows,
                    Map<String, Double> edgeRates, Set<String> flagged, int width) {
            this.module = module;
            this.flows = flows;
            this.edgeRates = edgeRates;
            this.flagged = flagged;
            this.width = width;
            comps.stream().sorted(java.util.Comparator.comparing(Component::localID))
                    .forEach(c -> nodes.put(c.localID(), c));
            boolean anyFlowEdges = comps.stream().anyMatch(c -> !c.dataFlowEdgesTo().isEmpty());
            for (Component c : nodes.values()) {
                if (anyFlowEdges) {
                    for (String t : c.dataFlowEdgesTo()) edge(c.localID(), t);
                } else {
                    for (String r : c.referencesTo()) {
                        Component target = nodes.get(r);
                        if (target == null) continue;
                        if (isReceiver(target.name())) edge(c.localID(), r);
                        else edge(r, c.localID());
                    }
                }
            }
            layer();
        }

        private static boolean isReceiver(String type) {
            for (String r : RECEIVERS) if (r.endsWith(".") ? type.startsWith(r) : type.equals(r)) return true;
            return false;
        }

        private void edge(String from, String to) {
            if (!nodes.containsKey(to) || from.equals(to)) return;
            if (succ.computeIfAbsent(from, k -> new TreeSet<>()).add(to)) indeg.merge(to, 1, Integer::sum);
        }

        /** Longest path from a source, by Kahn's order; nodes on a cycle keep the depth reached so far. */
        private void layer() {
            Map<String, Integer> in = new HashMap<>(indeg);
            java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
            for (String n : nodes.keySet()) {
                depth.put(n, 0);
                if (in.getOrDefault(n, 0) == 0) queue.add(n);
            }
            while (!queue.isEmpty()) {
                String n = queue.poll();
                for (String s : succ.getOrDefault(n, new TreeSet<>())) {
                    depth.merge(s, depth.get(n) + 1, Math::max);
                    if (in.merge(s, -1, Integer::sum) == 0) queue.add(s);
                }
            }
            // Nodes on a cycle were never released by Kahn's order: lay them out breadth-first instead.
            Set<String> done = new java.util.HashSet<>();
            for (Map.Entry<String, Integer> e : in.entrySet()) if (e.getValue() <= 0) done.add(e.getKey());
            for (String n : nodes.keySet()) {
                if (done.contains(n) || in.getOrDefault(n, 0) <= 0) continue;
                java.util.ArrayDeque<String> q = new java.util.ArrayDeque<>(List.of(n));
                done.add(n);
                while (!q.isEmpty()) {
                    String x = q.poll();
                    for (String s : succ.getOrDefault(x, new TreeSet<>())) {
                        if (done.add(s)) {
                            depth.put(s, Math.max(depth.get(s), depth.get(x) + 1));
                            q.add(s);
                        }
                    }
                }
            }
            cols = 1 + depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            // A back edge (on a cycle) is drawn as a reference one column further right.
            for (Map.Entry<String, TreeSet<String>> e : succ.entrySet()) {
                for (String t : e.getValue()) cols = Math.max(cols, depth.get(e.getKey()) + 2 > cols
                        && depth.get(t) <= depth.get(e.getKey()) ? depth.get(e.getKey()) + 2 : cols);
            }
        }

        void draw(List<PipelineLine> out) {
            List<String> isolated = new ArrayList<>();
            for (String n : nodes.keySet()) {
                boolean connected = succ.containsKey(n) || indeg.containsKey(n);
                if (!connected) {
                    isolated.add(n);
                } else if (!indeg.containsKey(n) && !placed.contains(n)) {
                    Cell[] row = newRow();
                    walk(n, row);
                }
            }
            // Whatever is left sits on a cycle with no source: start from its first node.
            for (String n : nodes.keySet()) {
                if (!placed.contains(n) && !isolated.contains(n)) walk(n, newRow());
            }
            String title = module.isEmpty() ? "root" : "module " + module;
            String header = "── " + title + " (" + nodes.size() + " component" + (nodes.size() == 1 ? "" : "s") + ") ";
            out.add(new PipelineLine(List.of(new Span(pad(header, Math.max(header.length(), width), '─'),
                    Span.Style.HEADER))));
            int[] widths = columnWidths();
            for (Cell[] row : rows) out.add(line(row, widths));
            if (!isolated.isEmpty()) {
                List<Span> spans = new ArrayList<>();
                spans.add(new Span("  not in a data flow: ", Span.Style.DIM));
                for (int i = 0; i < isolated.size(); i++) {
                    Component c = nodes.get(isolated.get(i));
                    if (i > 0) spans.add(new Span(", ", Span.Style.DIM));
                    spans.add(new Span(c.localID(), nodeStyle(c)));
                }
                out.add(clip(spans));
            }
        }

        private Cell[] newRow() {
            Cell[] row = new Cell[cols];
            for (int i = 0; i < cols; i++) row[i] = new Cell();
            rows.add(row);
            return row;
        }

        private void walk(String n, Cell[] row) {
            placed.add(n);
            row[depth.get(n)].node = nodes.get(n);
            boolean first = true;
            for (String s : succ.getOrDefault(n, new TreeSet<>())) {
                Cell[] r = first ? row : newRow();
                int from = depth.get(n), to = depth.get(s);
                if (to <= from) to = from + 1; // a back edge on a cycle
                Cell target = r[Math.min(to, cols - 1)];
                target.rate = rate(n, s);
                target.edgeLabel = label(target.rate);
                for (int c = from + 1; c < to; c++) r[c].pass = true;
                // a branch turns down where it leaves its source, then runs right to the target
                if (!first) r[to > from + 1 ? from + 1 : Math.min(to, cols - 1)].branch = true;
                if (placed.contains(s)) {
                    target.node = nodes.get(s);
                    target.ref = true;
                } else {
                    walk(s, r);
                }
                first = false;
            }
        }

        private double rate(String from, String to) {
            String gf = global(from), gt = global(to);
            Double live = edgeRates.get(gf + "->" + gt);
            if (live != null) return live;
            ComponentFlow f = flows.get(gf);
            if (f != null && !Double.isNaN(f.outRate()) && succ.getOrDefault(from, new TreeSet<>()).size() == 1) {
                return f.outRate();
            }
            ComponentFlow t = flows.get(gt);
            if (t != null && !Double.isNaN(t.inRate()) && indeg.getOrDefault(to, 0) == 1) return t.inRate();
            return Double.NaN;
        }

        private String global(String local) {
            return module.isEmpty() ? local : module + "/" + local;
        }

        /** Each column as wide as its longest name, the widest shrunk first until the row fits. */
        private int[] columnWidths() {
            int[] w = new int[cols];
            for (Cell[] row : rows) {
                for (int i = 0; i < cols; i++) {
                    if (row[i].node != null) {
                        w[i] = Math.max(w[i], row[i].node.localID().length() + (row[i].ref ? 2 : 1));
                    }
                }
            }
            for (int i = 0; i < cols; i++) w[i] = Math.max(w[i], MIN_NODE);
            int avail = width - 2 - (cols - 1) * EDGE;
            while (java.util.Arrays.stream(w).sum() > avail) {
                int widest = 0;
                for (int i = 1; i < cols; i++) if (w[i] > w[widest]) widest = i;
                if (w[widest] <= MIN_NODE) break;
                w[widest]--;
            }
            return w;
        }

        private PipelineLine line(Cell[] row, int[] widths) {
            List<Span> spans = new ArrayList<>();
            spans.add(new Span("  ", Span.Style.DIM));
            for (int i = 0; i < row.length; i++) {
                Cell c = row[i];
                int nodeWidth = widths[i];
                if (i > 0 || c.edgeLabel != null) {
                    if (c.edgeLabel != null) {
                        String lead = c.branch ? "└─" : "──";
                        String body = lead + c.edgeLabel;
                        spans.add(new Span(lead, Span.Style.EDGE));
                        if (!c.edgeLabel.isEmpty()) {
                            spans.add(new Span(c.edgeLabel, c.rate == 0 ? Span.Style.RATE_ZERO : Span.Style.RATE));
                        }
                        spans.add(new Span(pad("", EDGE - 2 - body.length(), '─') + "▶ ", Span.Style.EDGE));
                    } else if (c.pass) {
                        spans.add(new Span(c.branch ? "└" + pad("", EDGE - 1, '─') : pad("", EDGE, '─'), Span.Style.EDGE));
                    } else {
                        spans.add(new Span(pad("", EDGE, ' '), Span.Style.DIM));
                    }
                }
                if (c.node != null) {
                    String name = c.ref ? "↑" + c.node.localID() : c.node.localID();
                    spans.add(new Span(pad(cut(name, nodeWidth), nodeWidth, ' '), c.ref ? Span.Style.DIM : nodeStyle(c.node)));
                } else if (c.pass) {
                    spans.add(new Span(pad("", nodeWidth, '─'), Span.Style.EDGE));
                } else {
                    spans.add(new Span(pad("", nodeWidth, ' '), Span.Style.DIM));
                }
            }
            return clip(trimTrailing(spans));
        }

        private Span.Style nodeStyle(Component c) {
            if (c.health().state() != HealthState.HEALTHY) return Span.Style.NODE_BAD;
            if (flagged.contains(c.globalID())) return Span.Style.NODE_WARN;
            return Span.Style.NODE_OK;
        }

        private PipelineLine clip(List<Span> spans) {
            List<Span> out = new ArrayList<>();
            int used = 0;
            for (Span s : spans) {
                if (used >= width) break;
                String t = s.text();
                if (used + t.length() > width) t = t.substring(0, Math.max(0, width - used - 1)) + "…";
                out.add(new Span(t, s.style()));
                used += t.length();
            }
            return new PipelineLine(out);
        }
    }

    private static List<Span> trimTrailing(List<Span> spans) {
        int end = spans.size();
        while (end > 0 && spans.get(end - 1).text().isBlank()) end--;
        List<Span> out = new ArrayList<>(spans.subList(0, end));
        if (!out.isEmpty()) {
            Span last = out.get(out.size() - 1);
            out.set(out.size() - 1, new Span(last.text().stripTrailing(), last.style()));
        }
        return out;
    }

    static String label(double rate) {
        if (Double.isNaN(rate)) return "";
        return Rates.perSecond(rate);
    }

    /** Cuts the middle, not the end: the label at the end tells components of one type apart. */
    static String cut(String s, int w) {
        int keep = w - 1; // one column of air before the next edge
        if (s.length() <= keep) return s;
        if (keep <= 1) return "…";
        int head = (keep - 1) * 2 / 5;
        int tail = keep - 1 - head;
        return s.substring(0, head) + "…" + s.substring(s.length() - tail);
    }

    private static String pad(String s, int w, char c) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < w) sb.append(c);
        return sb.toString();
    }
}
