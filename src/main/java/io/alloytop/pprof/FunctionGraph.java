package io.alloytop.pprof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Locations resolved to the nodes of pprof's "functions" granularity: one node per function
 * name (nameless frames per binary and start line), each inlined line of a location its own node.
 */
final class FunctionGraph {
    final LongIntMap locationIndex = new LongIntMap();
    /** Go numbers locations 1..n, so a plain array usually replaces the hash lookup per frame. */
    int[] direct;
    int[][] locationNodes;
    String[] names;
    /** Per location, from pprof's drop_frames: 1 = cut the whole location, 2 = cut beneath it; null when none. */
    byte[] prune;
    /**
     * Caller/callee pairs that sit next to each other inside one location: the only calls that
     * can be inlined. For a location's line ni, inlineEdge[loc][ni] is the pair (line ni+1 calls
     * line ni), or -1; pairIndex finds a pair when it shows up as an ordinary call.
     */
    int[][] inlineEdge;
    final LongIntMap pairIndex = new LongIntMap();
    int[] pairCallee = new int[0];
    boolean[] inlinedSomewhere;

    static long pairKey(int caller, int callee) {
        return ((long) caller << 32) | (callee & 0xffffffffL);
    }

    int location(long id) {
        if (direct != null) return id > 0 && id < direct.length ? direct[(int) id] : -1;
        return locationIndex.get(id);
    }

    static FunctionGraph build(ProfileHeader h) throws PprofFormatException {
        if (!h.strings.isEmpty() && !h.strings.get(0).isEmpty()) {
            throw new PprofFormatException("corrupt profile: the string table must start with an empty string");
        }
        LongIntMap fnIndex = new LongIntMap();
        for (int i = 0; i < h.functionIds.size(); i++) {
            long id = h.functionIds.get(i);
            if (id == 0) throw new PprofFormatException("corrupt profile: a function has id 0");
            if (!fnIndex.putIfAbsent(id, i)) throw new PprofFormatException("corrupt profile: function id " + id + " appears twice");
        }
        Map<String, Integer> nodeByKey = new HashMap<>();
        List<String> names = new ArrayList<>();
        FunctionGraph g = new FunctionGraph();
        int nLoc = h.locationIds.size();
        g.locationNodes = new int[nLoc][];
        FramePruning pruning = FramePruning.of(h.string(h.dropFrames), h.string(h.keepFrames));
        if (pruning != null) g.prune = new byte[nLoc];
        for (int i = 0; i < nLoc; i++) {
            long id = h.locationIds.get(i);
            if (id == 0) throw new PprofFormatException("corrupt profile: a location has id 0");
            if (!g.locationIndex.putIfAbsent(id, i)) throw new PprofFormatException("corrupt profile: location id " + id + " appears twice");
            Long fileIdx = h.mappingFile.get(h.locationMapping.get(i));
            String objfile = fileIdx == null ? "" : h.string(fileIdx);
            long[] fns = h.locationFunctions.get(i);
            if (pruning != null) fns = prune(pruning, fns, fnIndex, h, g, i);
            int[] nodes = new int[Math.max(1, fns.length)];
            if (fns.length == 0) {
                nodes[0] = node(nodeByKey, names, "\0" + objfile + "\0" + 0, objfileLabel(objfile));
            }
            for (int l = 0; l < fns.length; l++) {
                if (fns[l] == 0) {
                    nodes[l] = node(nodeByKey, names, "\0" + objfile + "\0" + 0, objfileLabel(objfile));
                    continue;
                }
                int f = fnIndex.get(fns[l]);
                if (f < 0) throw new PprofFormatException("corrupt profile: location " + id + " refers to missing function " + fns[l]);
                String name = h.string(h.functionNames.get(f));
                nodes[l] = name.isEmpty()
                        ? node(nodeByKey, names, "\0" + objfile + "\0" + h.functionStart.get(f), objfileLabel(objfile))
                        : node(nodeByKey, names, name, name);
            }
            g.locationNodes[i] = nodes;
        }
        g.names = names.toArray(new String[0]);
        indexInlinePairs(g);
        long maxId = 0;
        for (int i = 0; i < nLoc; i++) maxId = Math.max(maxId, h.locationIds.get(i));
        if (maxId < 2L * nLoc + 1024) {
            g.direct = new int[(int) maxId + 1];
            Arrays.fill(g.direct, -1);
            for (int i = 0; i < nLoc; i++) g.direct[(int) h.locationIds.get(i)] = i;
        }
        return g;
    }

    /** Applies drop_frames to one location's lines (innermost first) and records how samples must be cut. */
    private static long[] prune(FramePruning pruning, long[] fns, LongIntMap fnIndex, ProfileHeader h, FunctionGraph g, int loc)
            throws PprofFormatException {
        String[] names = new String[fns.length];
        for (int l = 0; l < fns.length; l++) {
            int f = fns[l] == 0 ? -1 : fnIndex.get(fns[l]);
            names[l] = f < 0 ? null : h.string(h.functionNames.get(f));
        }
        int cut = pruning.cut(names);
        if (cut < 0) return fns;
        if (cut == fns.length - 1) {
            g.prune[loc] = 1; // the location keeps its lines; samples drop it (if a user frame is above)
            return fns;
        }
        g.prune[loc] = 2;
        return Arrays.copyOfRange(fns, cut + 1, fns.length);
    }

    private static void indexInlinePairs(FunctionGraph g) {
        g.inlineEdge = new int[g.locationNodes.length][];
        g.inlinedSomewhere = new boolean[g.names.length];
        LongList callees = new LongList();
        for (int loc = 0; loc < g.locationNodes.length; loc++) {
            int[] nodes = g.locationNodes[loc];
            if (nodes.length < 2) continue;
            int[] edges = new int[nodes.length];
            Arrays.fill(edges, -1);
            for (int ni = 0; ni < nodes.length - 1; ni++) {
                int caller = nodes[ni + 1], callee = nodes[ni];
                if (caller == callee) continue;
                long key = pairKey(caller, callee);
                int e = g.pairIndex.get(key);
                if (e < 0) {
                    e = callees.size();
                    g.pairIndex.putIfAbsent(key, e);
                    callees.add(callee);
                }
                edges[ni] = e;
                g.inlinedSomewhere[callee] = true;
            }
            g.inlineEdge[loc] = edges;
        }
        g.pairCallee = new int[callees.size()];
        for (int i = 0; i < callees.size(); i++) g.pairCallee[i] = (int) callees.get(i);
    }

    /** pprof names a frame without a function by its binary, or "<unknown>" when there is none. */
    private static String objfileLabel(String objfile) {
        if (objfile.isEmpty()) return "<unknown>";
        int slash = objfile.lastIndexOf('/');
        return "[" + objfile.substring(slash + 1) + "]";
    }

    private static int node(Map<String, Integer> byKey, List<String> names, String key, String label) {
        Integer n = byKey.get(key);
        if (n != null) return n;
        byKey.put(key, names.size());
        names.add(label);
        return names.size() - 1;
    }
}
