package io.alloytop.forward;

import io.alloytop.alloy.Failure;
import io.alloytop.alloy.Result;
import io.alloytop.syntax.AlloyFile;
import io.alloytop.syntax.ConfigSources;
import io.alloytop.syntax.Diagnostic;
import io.alloytop.syntax.Parser;
import io.alloytop.syntax.Stmt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a {@link ForwardPlan} from the config on disk and the request. Pure: no I/O, so every
 * refusal (invalid config, clash, second tracing block) is tested without touching files.
 */
public final class Planner {
    private Planner() {}

    private static Result<ForwardPlan> refuse(String why) {
        return Result.err(Failure.Kind.BAD_RESPONSE, why);
    }

    public static Result<ForwardPlan> plan(PlanRequest req, ConfigOnDisk disk) {
        List<Diagnostic> current = ConfigSources.validate(disk.sources());
        if (!current.isEmpty()) {
            return refuse("Alloy's config is already invalid, so alloytop will not touch it: "
                    + Diagnostic.summary(current));
        }
        for (ConfigOnDisk.DiskFile f : disk.files()) {
            if (!disk.location().directory() && !ManagedBlock.find(text(f.bytes())).isOk()) {
                return refuse(ManagedBlock.find(text(f.bytes())).failureOrNull().message());
            }
        }
        return req.action() == ForwardPlan.Action.ON ? planOn(req, disk) : planOff(disk);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Result<ForwardPlan> planOn(PlanRequest req, ConfigOnDisk disk) {
        List<String> missing = req.cloud().missing(req.signals());
        if (!missing.isEmpty()) {
            return refuse("missing Grafana Cloud settings: " + String.join(", ", missing)
                    + " (set them in alloytop's environment)");
        }
        Path secretPath = disk.secretPath();
        GeneratorInput in = RefChooser.choose(req.signals(), req.hostMetrics(), req.cloud(), req.alloyEnv(),
                secretPath.toAbsolutePath().toString(), req.alloyAddress(), req.journalUnit());
        String generated = ConfigGenerator.generate(in);
        boolean secretFile = in.apiKey() instanceof ValueRef.SecretFile;

        // What the user's own part of the config declares, with where.
        Map<String, String> declared = userDeclarations(disk);
        List<String> ours = ManagedIds.components(req.signals(), req.hostMetrics(), secretFile);
        if (req.signals().contains(Signal.TRACES) && declared.containsKey("tracing")) {
            return refuse("the config already has a tracing block (" + declared.get("tracing")
                    + "); Alloy allows only one, so alloytop will not add its own. Leave traces out of --signals, "
                    + "or point that block's write_to at your own exporter");
        }
        List<String> clashes = new ArrayList<>();
        for (String id : ours) if (declared.containsKey(id)) clashes.add(id + " (" + declared.get(id) + ")");
        if (!clashes.isEmpty()) {
            return refuse("the config already declares " + String.join(", ", clashes)
                    + "; alloytop will not add a second one");
        }

        List<FileChange> changes = new ArrayList<>();
        List<ConfigSources.Source> after = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        if (disk.location().directory()) {
            Path managed = disk.managedFilePath();
            byte[] old = null;
            for (ConfigOnDisk.DiskFile f : disk.files()) {
                if (f.path().equals(managed)) {
                    old = f.bytes();
                    previous.addAll(componentIds(text(f.bytes())));
                } else {
                    after.add(new ConfigSources.Source(f.path().toString(), f.bytes()));
                }
            }
            byte[] content = bytes(ManagedBlock.wrap(generated));
            after.add(new ConfigSources.Source(managed.toString(), content));
            after.sort((a, b) -> Path.of(a.name()).getFileName().toString()
                    .compareTo(Path.of(b.name()).getFileName().toString()));
            Optional<Path> model = disk.files().stream().map(ConfigOnDisk.DiskFile::path)
                    .filter(p -> !p.equals(managed)).findFirst();
            changes.add(new FileChange(managed, old, content, false, "rw-r--r--", Optional.empty(), model));
        } else {
            ConfigOnDisk.DiskFile f = disk.files().get(0);
            String inside = ManagedBlock.inside(text(f.bytes()));
            if (inside != null) previous.addAll(componentIds(inside));
            Result<String> put = ManagedBlock.put(text(f.bytes()), generated);
            if (!put.isOk()) return refuse(put.failureOrNull().message());
            byte[] content = bytes(put.orNull());
            after.add(new ConfigSources.Source(f.path().toString(), content));
            changes.add(new FileChange(f.path(), f.bytes(), content, false, "rw-r--r--", Optional.empty(),
                    Optional.of(f.path())));
        }
        List<Diagnostic> diags = ConfigSources.validate(after);
        if (!diags.isEmpty()) {
            return refuse("the changed config would not be valid, so nothing was written: " + Diagnostic.summary(diags));
        }
        if (secretFile) {
            changes.add(0, new FileChange(secretPath, disk.secretFile(), bytes(req.cloud().apiKey()), true,
                    "rw-------", req.alloyUid(), Optional.empty()));
        } else if (disk.secretFile() != null) {
            changes.add(new FileChange(secretPath, disk.secretFile(), null, true, "rw-------", Optional.empty(),
                    Optional.empty()));
        }
        Map<Signal, String> writers = new EnumMap<>(Signal.class);
        for (Signal s : req.signals()) writers.put(s, ManagedIds.writer(s));
        List<String> removed = new ArrayList<>(previous);
        removed.removeAll(ours);
        List<String> notes = new ArrayList<>();
        notes.add("config found by " + disk.location().foundBy() + ": " + disk.location().path());
        notes.add(secretFile
                ? "the API key goes to " + secretPath + " (0600), read by local.file with is_secret = true"
                : "the API key is read from Alloy's own environment (sys.env(\"" + EnvNames.API_KEY + "\"))");
        List<ConfigOnDisk.DiskFile> result = new ArrayList<>();
        for (ConfigSources.Source s : after) result.add(new ConfigOnDisk.DiskFile(Path.of(s.name()), s.bytes()));
        return Result.ok(new ForwardPlan(ForwardPlan.Action.ON, disk.location(), req.signals(), changes, ours, removed,
                writers, notes, result));
    }

    private static Result<ForwardPlan> planOff(ConfigOnDisk disk) {
        List<FileChange> changes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (disk.location().directory()) {
            Path managed = disk.managedFilePath();
            for (ConfigOnDisk.DiskFile f : disk.files()) {
                if (f.path().equals(managed)) {
                    removed.addAll(componentIds(text(f.bytes())));
                    changes.add(new FileChange(managed, f.bytes(), null, false, "rw-r--r--", Optional.empty(),
                            Optional.empty()));
                }
            }
        } else {
            ConfigOnDisk.DiskFile f = disk.files().get(0);
            String inside = ManagedBlock.inside(text(f.bytes()));
            if (inside != null) {
                removed.addAll(componentIds(inside));
                Result<String> rm = ManagedBlock.remove(text(f.bytes()));
                if (!rm.isOk()) return refuse(rm.failureOrNull().message());
                changes.add(new FileChange(f.path(), f.bytes(), bytes(rm.orNull()), false, "rw-r--r--",
                        Optional.empty(), Optional.of(f.path())));
            }
        }
        if (disk.secretFile() != null) {
            changes.add(new FileChange(disk.secretPath(), disk.secretFile(), null, true, "rw-------",
                    Optional.empty(), Optional.empty()));
        }
        List<String> notes = new ArrayList<>();
        if (changes.isEmpty()) notes.add("forwarding is already off: the config has no alloytop block");
        List<ConfigOnDisk.DiskFile> result = new ArrayList<>();
        for (ConfigOnDisk.DiskFile f : disk.files()) {
            FileChange c = changes.stream().filter(x -> x.path().equals(f.path())).findFirst().orElse(null);
            if (c == null) result.add(f);
            else if (c.after() != null) result.add(new ConfigOnDisk.DiskFile(f.path(), c.after()));
        }
        return Result.ok(new ForwardPlan(ForwardPlan.Action.OFF, disk.location(), java.util.Set.of(), changes,
                List.of(), removed, Map.of(), notes, result));
    }

    /** Top-level declarations outside alloytop's own block/file: component IDs and singleton names, with positions. */
    static Map<String, String> userDeclarations(ConfigOnDisk disk) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigOnDisk.DiskFile f : disk.files()) {
            String src;
            if (disk.location().directory()) {
                if (f.path().equals(disk.managedFilePath())) continue;
                src = text(f.bytes());
            } else {
                src = ManagedBlock.outside(text(f.bytes()));
            }
            AlloyFile parsed = Parser.parse(f.path().toString(), src);
            for (Stmt s : parsed.body()) {
                if (s instanceof Stmt.Block b) out.putIfAbsent(b.id(), f.path() + ":" + b.start());
            }
        }
        return out;
    }

    /** Labelled top-level block IDs in a piece of config (the components alloytop generated). */
    static List<String> componentIds(String src) {
        List<String> out = new ArrayList<>();
        for (Stmt s : Parser.parse("managed", src).body()) {
            if (s instanceof Stmt.Block b && !b.label().isEmpty()) out.add(b.id());
        }
        return out;
    }
}
