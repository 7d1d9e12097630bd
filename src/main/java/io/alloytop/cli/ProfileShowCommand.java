package io.alloytop.cli;

import io.alloytop.pprof.ProfileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `alloytop profile show FILE`: the top table of a saved profile, with no network. */
@Command(name = "show", mixinStandardHelpOptions = true, addMethodSubcommands = false, description = "Print the top functions of a saved pprof profile.")
final class ProfileShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a .pb.gz profile (from alloytop, go tool pprof or curl)")
    Path file;

    @Option(names = "--sample-index", paramLabel = "X", description = "sample type by name or number (default: as go tool pprof picks it)")
    String sampleIndex;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "functions to print (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--sort", paramLabel = "flat|cum", defaultValue = "flat", description = "order of the table (default: ${DEFAULT-VALUE})")
    String sort;

    @Option(names = "--stacks", paramLabel = "N", defaultValue = "10", description = "grouped stacks to print for goroutine profiles (default: ${DEFAULT-VALUE})")
    int stacks;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    String output;

    @Override
    public Integer call() {
        ProfileView view = ProfileView.of(sampleIndex, top, sort, stacks, output);
        if (!Files.isRegularFile(file)) throw new UserError("profile show: no such file: " + file);
        if (file.getFileName().toString().endsWith(".trace")) {
            throw new UserError("profile show: " + file + " is a Go execution trace; open it with `go tool trace " + file + "`");
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", file.toString());
        // Stacks are grouped for any profile whose sample type is goroutine; cheap for other small ones too.
        return view.print(ProfileSource.of(file), true, info, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
