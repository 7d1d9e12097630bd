package io.alloytop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the man page and shell completions from the command definitions; run by dist/build.sh with
 * the bundle's own Java. A separate entry point rather than a sub-command, so users never see it.
 *
 * <p>Usage: {@code java -cp alloytop.jar io.alloytop.cli.GenDocs OUTDIR}. Writes {@code alloytop.1},
 * {@code alloytop.bash} (bash) and {@code _alloytop} (zsh, through bashcompinit).
 */
public final class GenDocs {
    private GenDocs() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GenDocs OUTDIR");
            System.exit(ExitCodes.USAGE);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        CommandLine cl = Main.commandLine();
        String version = new VersionProvider().getVersion()[0].replaceFirst("^alloytop ", "");
        write(dir.resolve("alloytop.1"), ManPage.render(cl, version));
        String bash = AutoComplete.bash("alloytop", cl);
        write(dir.resolve("alloytop.bash"), bash);
        write(dir.resolve("_alloytop"), zsh(bash));
    }

    /**
     * zsh autoloads {@code _alloytop} from $fpath as the body of the completion function. The body
     * defines the bash functions, registers them through bashcompinit for later presses of TAB, and
     * answers the press that loaded it, which would otherwise complete nothing.
     */
    static String zsh(String bash) {
        return "#compdef alloytop\n"
                + "# Generated from alloytop's command definitions: picocli's bash completion run by zsh's bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                // bash's compopt (used by picocli's script) has no zsh counterpart; bashcompinit lacks it
                + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
                + bash
                + "\n_bash_complete -F _complete_alloytop \"$@\"\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
