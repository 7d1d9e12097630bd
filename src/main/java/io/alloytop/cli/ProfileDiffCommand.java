package io.alloytop.cli;

import io.alloytop.pprof.PprofFormatException;
import io.alloytop.pprof.ProfileData;
import io.alloytop.pprof.ProfileDecoder;
import io.alloytop.pprof.ProfileDiff;
import io.alloytop.pprof.ProfileReport;
import io.alloytop.pprof.ProfileSource;
import io.alloytop.pprof.ProfileSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `alloytop profile diff A B`: which functions grew from A to B (typically two heap profiles). */
@Command(name = "diff", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Show the top growers between two profiles of the same type (B minus A, like go tool pprof -diff_base=A B).")
final class ProfileDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the earlier profile")
    Path before;

    @Parameters(index = "1", paramLabel = "B", description = "the later profile")
    Path after;

    @Option(names = "--sample-index", paramLabel = "X", description = "sample type (default: as go tool pprof picks it; inuse_space for heap)")
    String sampleIndex;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "growers to print (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    String output;

    @Override
    public Integer call() {
        boolean json = switch (output.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new UserError("--output must be text or json, not '" + output + "'");
        };
        if (top < 1) throw new UserError("--top must be at least 1");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfileSummary a;
        ProfileSummary b;
        try {
            a = summary(before);
            b = summary(after);
        } catch (PprofFormatException e) {
            err.println("alloytop: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (!a.selectedType().equals(b.selectedType())) {
            throw new UserError("profile diff: A is " + a.selectedType() + " but B is " + b.selectedType()
                    + "; compare profiles of the same type (use --sample-index)");
        }
        List<ProfileDiff.Row> rows = ProfileDiff.growers(a, b);
        out.print(json ? ProfileReport.diffJson(rows, a.selectedType(), top, a.total(), b.total())
                : ProfileReport.diffText(rows, a.selectedType(), top, a.total(), b.total()));
        out.flush();
        return ExitCodes.OK;
    }

    private ProfileSummary summary(Path file) throws PprofFormatException {
        if (!Files.isRegularFile(file)) throw new UserError("profile diff: no such file: " + file);
        ProfileData d = ProfileDecoder.decode(ProfileSource.of(file), false);
        try {
            return d.summary(d.sampleIndex(sampleIndex));
        } catch (IllegalArgumentException e) {
            throw new UserError("--sample-index (" + file + "): " + e.getMessage());
        }
    }
}
