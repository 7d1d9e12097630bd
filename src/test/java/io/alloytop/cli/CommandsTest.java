package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {
    private static CommandLine forArgs(String... args) {
        return Commands.forArgs(args, () -> new CommandLine(new Main()));
    }

    @Test
    void aNamedSubCommandIsTheOnlyOneBuilt() {
        assertEquals(Set.of("check"), forArgs("--url", "http://x:1", "check", "-o", "json").getSubcommands().keySet());
    }

    @Test
    void theMonitorBuildsNoSubCommand() {
        assertEquals(Set.of(), forArgs("--url", "http://x:1", "--theme", "light").getSubcommands().keySet());
    }

    @Test
    void helpGetsEverySubCommand() {
        assertEquals(Set.of("check", "demo-server", "logs", "profile", "forward"), forArgs("--help").getSubcommands().keySet());
    }

    /** Runs the arguments through the cheap tree; a parse error must come from the whole tree. */
    private static String errorOf(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Commands.forArgs(args, () -> {
            CommandLine c = new CommandLine(new Main());
            c.setErr(new PrintWriter(err, true));
            c.setParameterExceptionHandler((ex, a) -> {
                c.getErr().println("error: " + ex.getMessage() + " (tree of " + c.getSubcommands().size() + ")");
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
                return 2;
            });
            return c;
        });
        assertEquals(2, cl.execute(args));
        return err.toString();
    }

    @Test
    void aTypoOfASubCommandIsAnsweredByTheWholeTree() {
        String err = errorOf("chekc");
        assertTrue(err.contains("tree of 5") && err.contains("check"), err);
    }

    @Test
    void anOptionValueThatNamesACommandIsJudgedByTheWholeTree() {
        // "logs" is meant as --unit's value and "check" as the command: picocli's answer is the full tree's
        String err = errorOf("--unit", "logs", "check");
        assertTrue(err.contains("tree of 5") && err.contains("--unit"), err);
    }

    @Test
    void noOptionNeedsTheConvertersLeftOut() {
        // every java.time / java.sql converter is excluded at start; an option of such a type would fail to parse
        Main.excludeUnusedConverters();
        CommandLine cl = Main.commandLine();
        assertEquals(0, cl.getSubcommands().get("check").getCommandSpec().options().stream()
                .filter(o -> o.type().getName().startsWith("java.time.") && o.converters().length == 0).count());
        for (CommandLine c : cl.getSubcommands().values()) {
            c.getCommandSpec().options().forEach(o -> assertTrue(
                    !(o.type().getName().startsWith("java.time.") || o.type().getName().startsWith("java.sql."))
                            || o.converters().length > 0, c.getCommandName() + " " + o.longestName()));
        }
        cl.getCommandSpec().options().forEach(o -> assertTrue(
                !(o.type().getName().startsWith("java.time.") || o.type().getName().startsWith("java.sql."))
                        || o.converters().length > 0, o.longestName()));
    }
}
