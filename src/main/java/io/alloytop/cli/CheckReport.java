package io.alloytop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;
import io.alloytop.alloy.HealthState;
import io.alloytop.json.Json;
import io.alloytop.poll.AlloySnapshot;
import io.alloytop.poll.ConfigState;
import io.alloytop.problems.Problem;
import io.alloytop.text.Sanitizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of `alloytop check` over one snapshot, and its two renderings. Pure: the same
 * snapshot always gives the same report, so every exit code is tested without a network.
 *
 * <p>JSON fields (stable; new ones may be added, none renamed):
 * {@code status} (ok|degraded|unreachable|not_alloy|auth_refused|not_ready), {@code exitCode},
 * {@code summary}, {@code target}, {@code checkedAt}, {@code error} {kind,message} or null,
 * {@code alloy} {version, ready, startTime, uptimeSeconds, restartsSeen} or null,
 * {@code config} {lastLoadSuccessful, loadFailuresTotal, sha256, shortHash, lastSuccessTime} or null,
 * {@code components} {total, healthy, unhealthy, exited, unknown, inModules, remoteConfig, error,
 * problems[{id, name, moduleID, health, message, updatedTime}]} or null,
 * {@code resources} {cpuPercent, cpuMethod (sample|average_since_start|unknown), cpuSampleSeconds,
 * rssBytes, goHeapInuseBytes, goroutines},
 * {@code problems} [{kind, severity (warning|critical), component ("" = process-wide), reason, since}]
 * from the data-loss detector (empty when none or Alloy was not reached). Unknown numbers are null.
 */
public final class CheckReport {
    public enum Status {
        OK("ok", "OK", ExitCodes.OK),
        DEGRADED("degraded", "DEGRADED", ExitCodes.DEGRADED),
        UNREACHABLE("unreachable", "UNREACHABLE", ExitCodes.UNREACHABLE),
        NOT_ALLOY("not_alloy", "NOT ALLOY", ExitCodes.UNREACHABLE),
        AUTH_REFUSED("auth_refused", "AUTH REFUSED", ExitCodes.UNREACHABLE),
        NOT_READY("not_ready", "NOT READY", ExitCodes.UNREACHABLE);

        final String json;
        final String word;
        final int exitCode;

        Status(String json, String word, int exitCode) {
            this.json = json;
            this.word = word;
            this.exitCode = exitCode;
        }
    }

    /** How the CPU figure was obtained: two scrapes some time apart, or the lifetime average. */
    public record Cpu(double percent, String method, double sampleSeconds) {
        static final Cpu UNKNOWN = new Cpu(Double.NaN, "unknown", Double.NaN);
    }

    private static final int TEXT_PROBLEMS = 20;
    private static final String REMOTECFG = "remotecfg";
    private static final java.util.Set<Problem.Kind> HEALTH_KINDS =
            java.util.EnumSet.of(Problem.Kind.UNHEALTHY, Problem.Kind.EXITED, Problem.Kind.STUCK_UNKNOWN);

    private final AlloySnapshot snap;
    private final Cpu cpu;
    private final Instant now;
    private final Status status;
    private final String summary;
    private final List<Component> problems;
    private final int healthy;
    private final int unhealthy;
    private final int exited;
    private final int unknown;
    private final int inModules;
    private final int remoteConfig;
    private final List<Problem> flowProblems;

    private CheckReport(AlloySnapshot snap, Cpu cpu, Instant now, List<Problem> flowProblems) {
        this.snap = snap;
        this.flowProblems = flowProblems == null ? List.of() : List.copyOf(flowProblems);
        this.cpu = cpu;
        this.now = now;
        int h = 0, u = 0, e = 0, k = 0, mods = 0, rc = 0;
        List<Component> bad = new ArrayList<>();
        for (Component c : snap.components()) {
            switch (c.health().state()) {
                case HEALTHY -> h++;
                case UNHEALTHY -> u++;
                case EXITED -> e++;
                default -> k++;
            }
            if (c.health().state() != HealthState.HEALTHY) bad.add(c);
            if (c.moduleID().equals(REMOTECFG) || c.moduleID().startsWith(REMOTECFG + "/")) rc++;
            else if (!c.moduleID().isEmpty()) mods++;
        }
        bad.sort(Comparator.comparing((Component c) -> c.health().state()).thenComparing(Component::globalID));
        this.problems = List.copyOf(bad);
        this.healthy = h;
        this.unhealthy = u;
        this.exited = e;
        this.unknown = k;
        this.inModules = mods;
        this.remoteConfig = rc;
        this.status = decide();
        this.summary = summarise();
    }

    public static CheckReport of(AlloySnapshot snap, Cpu cpu, Instant now) {
        return of(snap, cpu, now, List.of());
    }

    /** With the detector's problems over the polls check made; any of them makes the verdict degraded. */
    public static CheckReport of(AlloySnapshot snap, Cpu cpu, Instant now, List<Problem> problems) {
        return new CheckReport(snap, cpu == null ? Cpu.UNKNOWN : cpu, now, problems);
    }

    public List<Problem> problems() {
        return flowProblems;
    }

    public Status status() {
        return status;
    }

    public int exitCode() {
        return status.exitCode;
    }

    public String summary() {
        return summary;
    }

    private boolean reachedAlloy() {
        return snap.lastGoodAt() != null && snap.isAlloy();
    }

    private Status decide() {
        Failure f = snap.failure();
        if (f != null) {
            if (f.kind() == Failure.Kind.AUTH) return Status.AUTH_REFUSED;
            if (f.kind() == Failure.Kind.NOT_ALLOY) return Status.NOT_ALLOY;
            return Status.UNREACHABLE;
        }
        if (!snap.ready()) return Status.NOT_READY;
        Failure cf = snap.componentsFailure();
        if (cf != null && cf.kind() == Failure.Kind.AUTH) return Status.AUTH_REFUSED;
        if (cf != null) return Status.DEGRADED;
        if (snap.config() != null && !snap.config().lastLoadSuccessful()) return Status.DEGRADED;
        if (!problems.isEmpty() || !flowProblems.isEmpty()) return Status.DEGRADED;
        return Status.OK;
    }

    private String summarise() {
        Failure f = snap.failure();
        String who = "Alloy" + (snap.version().isEmpty() ? "" : " " + clean(snap.version())) + " at " + snap.target();
        switch (status) {
            case UNREACHABLE:
            case AUTH_REFUSED:
                return f != null ? clean(f.message()) : clean(snap.componentsFailure().message());
            case NOT_ALLOY: {
                String m = clean(f.message());
                return m.startsWith("not Alloy: ") ? m.substring("not Alloy: ".length()) : m;
            }
            case NOT_READY:
                return who + " is not ready (/-/ready did not answer 200; the first config load has not finished)";
            default:
                break;
        }
        List<String> parts = new ArrayList<>();
        Failure cf = snap.componentsFailure();
        if (cf != null) {
            parts.add("could not list components: " + clean(cf.message()));
        } else if (problems.isEmpty()) {
            parts.add(plural(snap.components().size(), "component") + " healthy");
        } else {
            parts.add(problems.size() + " of " + plural(snap.components().size(), "component") + " not healthy");
        }
        ConfigState c = snap.config();
        if (c != null && !c.lastLoadSuccessful()) parts.add("last config load FAILED");
        // Health problems are already counted above; the summary adds only what health does not show.
        long more = flowProblems.stream().filter(p -> !HEALTH_KINDS.contains(p.kind())).count();
        if (more > 0) parts.add(plural(more, "data-loss/reload problem"));
        parts.add("ready");
        return who + ": " + String.join(", ", parts);
    }

    // ---- text --------------------------------------------------------------------------------

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(status.word).append(": ").append(summary).append('\n');
        if (!reachedAlloy()) return sb.toString();
        row(sb, "version", snap.version().isEmpty() ? "unknown" : clean(snap.version()));
        double up = uptimeSeconds();
        row(sb, "uptime", Double.isNaN(up) ? "unknown"
                : duration(up) + " (started " + Instant.ofEpochMilli((long) (snap.startEpochSeconds() * 1000)) + ")"
                + (snap.restarts() > 0 ? ", " + plural(snap.restarts(), "restart") + " seen" : ""));
        row(sb, "ready", snap.ready() ? "yes" : "NO");
        ConfigState c = snap.config();
        row(sb, "config", c == null ? "unknown (no alloy_config_* metrics)"
                : (c.lastLoadSuccessful() ? "last load ok" : "last load FAILED") + ", "
                + plural((long) c.loadFailuresTotal(), "load failure") + ", hash "
                + (c.shortHash().isEmpty() ? "unknown" : clean(c.shortHash())));
        if (snap.componentsFailure() != null) {
            row(sb, "components", "could not list: " + clean(snap.componentsFailure().message()));
        } else {
            row(sb, "components", healthy + " healthy, " + unhealthy + " unhealthy, " + exited + " exited, "
                    + unknown + " unknown (" + snap.components().size() + " total, " + inModules + " in modules, "
                    + remoteConfig + " from remote config)");
            int shown = 0;
            for (Component p : problems) {
                if (shown++ == TEXT_PROBLEMS) {
                    sb.append("    ... and ").append(problems.size() - TEXT_PROBLEMS).append(" more (see --output json)\n");
                    break;
                }
                String msg = clean(p.health().message());
                sb.append(String.format(Locale.ROOT, "    %-10s %s%s%n", p.health().state().label(), clean(p.globalID()),
                        msg.isEmpty() ? "" : ": " + cut(msg, 160)));
            }
        }
        if (Double.isNaN(cpu.percent())) {
            row(sb, "cpu", "unknown");
        } else if (cpu.method().equals("sample")) {
            row(sb, "cpu", String.format(Locale.ROOT, "%.1f%% of one core (sampled over %.1fs)", cpu.percent(),
                    cpu.sampleSeconds()));
        } else {
            row(sb, "cpu", String.format(Locale.ROOT, "%.1f%% of one core (average since start)", cpu.percent()));
        }
        problemsText(sb);
        double rss = snap.stats().alloyRssBytes();
        row(sb, "memory", Double.isNaN(rss) ? "unknown" : bytes(rss) + " resident"
                + (Double.isNaN(snap.stats().goHeapInuseBytes()) ? "" : ", Go heap " + bytes(snap.stats().goHeapInuseBytes()))
                + (Double.isNaN(snap.stats().goroutines()) ? "" : ", " + (long) snap.stats().goroutines() + " goroutines"));
        return sb.toString();
    }

    private void problemsText(StringBuilder sb) {
        row(sb, "problems", flowProblems.isEmpty() ? "none seen (stalls and growing lag need --watch)"
                : flowProblems.size() + " (data loss and health rules)");
        int shown = 0;
        for (Problem p : flowProblems) {
            if (shown++ == TEXT_PROBLEMS) {
                sb.append("    ... and ").append(flowProblems.size() - TEXT_PROBLEMS).append(" more (see --output json)\n");
                break;
            }
            String who = p.componentId().isEmpty() ? "(alloy)" : clean(p.componentId());
            sb.append(String.format(Locale.ROOT, "    %-8s %-13s %s: %s%n", p.severity().name().toLowerCase(Locale.ROOT),
                    kind(p.kind()), who, cut(clean(p.reason()), 160)));
        }
    }

    static String kind(Problem.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append(String.format(Locale.ROOT, "  %-11s %s%n", k, v));
    }

    // ---- json --------------------------------------------------------------------------------

    public String json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("status", status.json);
        root.put("exitCode", status.exitCode);
        root.put("summary", summary);
        root.put("target", snap.target());
        root.put("checkedAt", now.toString());
        Failure f = snap.failure();
        if (f != null) {
            root.set("error", failure(f));
        } else {
            root.putNull("error");
        }
        if (!reachedAlloy()) {
            root.putNull("alloy");
            root.putNull("config");
            root.putNull("components");
            root.putNull("resources");
            root.putArray("problems");
            return Json.writePretty(root) + "\n";
        }
        ObjectNode a = root.putObject("alloy");
        a.put("version", clean(snap.version()));
        a.put("ready", snap.ready());
        if (Double.isNaN(snap.startEpochSeconds())) a.putNull("startTime");
        else a.put("startTime", Instant.ofEpochMilli((long) (snap.startEpochSeconds() * 1000)).toString());
        num(a, "uptimeSeconds", uptimeSeconds());
        a.put("restartsSeen", snap.restarts());
        ConfigState c = snap.config();
        if (c == null) {
            root.putNull("config");
        } else {
            ObjectNode cn = root.putObject("config");
            cn.put("lastLoadSuccessful", c.lastLoadSuccessful());
            num(cn, "loadFailuresTotal", c.loadFailuresTotal());
            cn.put("sha256", clean(c.sha256() == null ? "" : c.sha256()));
            cn.put("shortHash", clean(c.shortHash()));
            if (Double.isNaN(c.lastSuccessEpochSeconds())) cn.putNull("lastSuccessTime");
            else cn.put("lastSuccessTime", Instant.ofEpochMilli((long) (c.lastSuccessEpochSeconds() * 1000)).toString());
        }
        ObjectNode cs = root.putObject("components");
        cs.put("total", snap.components().size());
        cs.put("healthy", healthy);
        cs.put("unhealthy", unhealthy);
        cs.put("exited", exited);
        cs.put("unknown", unknown);
        cs.put("inModules", inModules);
        cs.put("remoteConfig", remoteConfig);
        if (snap.componentsFailure() != null) cs.set("error", failure(snap.componentsFailure()));
        else cs.putNull("error");
        ArrayNode ps = cs.putArray("problems");
        for (Component p : problems) {
            ObjectNode pn = ps.addObject();
            pn.put("id", clean(p.globalID()));
            pn.put("name", clean(p.name()));
            pn.put("moduleID", clean(p.moduleID()));
            pn.put("health", p.health().state().label());
            pn.put("message", clean(p.health().message()));
            pn.put("updatedTime", clean(p.health().updatedTime()));
        }
        ObjectNode r = root.putObject("resources");
        num(r, "cpuPercent", cpu.percent());
        r.put("cpuMethod", cpu.method());
        num(r, "cpuSampleSeconds", cpu.sampleSeconds());
        num(r, "rssBytes", snap.stats().alloyRssBytes());
        num(r, "goHeapInuseBytes", snap.stats().goHeapInuseBytes());
        num(r, "goroutines", snap.stats().goroutines());
        ArrayNode fp = root.putArray("problems");
        for (Problem p : flowProblems) {
            ObjectNode pn = fp.addObject();
            pn.put("kind", kind(p.kind()));
            pn.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            pn.put("component", clean(p.componentId()));
            pn.put("reason", clean(p.reason()));
            if (p.since() == null) pn.putNull("since");
            else pn.put("since", p.since().toString());
        }
        return Json.writePretty(root) + "\n";
    }

    private static ObjectNode failure(Failure f) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("kind", f.kind().name());
        e.put("message", clean(f.message()));
        return e;
    }

    private static void num(ObjectNode n, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) n.putNull(k);
        else if (v == Math.rint(v) && Math.abs(v) < 1e15) n.put(k, (long) v);
        else n.put(k, Math.round(v * 1000) / 1000.0);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private double uptimeSeconds() {
        double s = snap.startEpochSeconds();
        return Double.isNaN(s) ? Double.NaN : Math.max(0, now.toEpochMilli() / 1000.0 - s);
    }

    /** Alloy-provided text is made inert (controls shown as visible pictures) before it is printed. */
    static String clean(String s) {
        return Sanitizer.line(s);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String duration(double seconds) {
        Duration d = Duration.ofSeconds((long) seconds);
        long days = d.toDays();
        long h = d.toHoursPart();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        if (days > 0) return days + "d " + h + "h " + m + "m";
        if (h > 0) return h + "h " + m + "m";
        if (m > 0) return m + "m " + s + "s";
        return s + "s";
    }

    static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", b) : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }
}
