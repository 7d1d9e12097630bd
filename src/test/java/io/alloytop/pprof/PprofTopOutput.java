package io.alloytop.pprof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs and parses `go tool pprof -top`, the reference our numbers must match. */
final class PprofTopOutput {
    record Line(String name, long flat, long cum, String inline) {}

    private static final Pattern ROW = Pattern.compile(
            "^\\s*(-?\\d+)(?:ns|B)?\\s+\\S+%\\s+\\S+%\\s+(-?\\d+)(?:ns|B)?\\s+\\S+%\\s+(.*?)(?: \\((inline|partial-inline)\\))?$");

    private PprofTopOutput() {}

    /** Flags that make pprof print exact values and every node (no trimming), so any top N compares. */
    static List<String> command(Path go, Path file, String sampleIndex, String unit, boolean cum) {
        List<String> cmd = new ArrayList<>(List.of(go.toString(), "tool", "pprof", "-top", "-nodecount=0",
                "-nodefraction=0", "-edgefraction=0", "-symbolize=none"));
        if (cum) cmd.add("-cum");
        if (sampleIndex != null) cmd.add("-sample_index=" + sampleIndex);
        if ("nanoseconds".equals(unit)) cmd.add("-unit=ns");
        if ("bytes".equals(unit)) cmd.add("-unit=B");
        cmd.add(file.toString());
        return cmd;
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("go tool pprof did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException("go tool pprof failed: " + text);
        return text;
    }

    static List<Line> parse(String text) {
        List<Line> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.split("\n")) {
            if (!inTable) {
                inTable = line.trim().startsWith("flat  flat%");
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) throw new IllegalArgumentException("unexpected pprof line: " + line);
            rows.add(new Line(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    m.group(4) == null ? "" : m.group(4)));
        }
        return rows;
    }

    /** pprof's "Total samples" / "of X total" figure, exact when run with -unit. */
    static long total(String text) {
        Matcher m = Pattern.compile("of (-?\\d+)(?:ns|B)? total").matcher(text);
        if (!m.find()) throw new IllegalArgumentException("no total in: " + text);
        return Long.parseLong(m.group(1));
    }
}
