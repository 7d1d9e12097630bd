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
    void helpAndTyposGetEverySubCommand() {
        Set<String> all = Set.of("check", "demo-server", "logs", "profile", "forward");
        assertEquals(all, forArgs("--help").getSubcommands().keySet());
        assertEquals(all, forArgs("chekc").getSubcommands().keySet());
    }

    @Test
    void argumentsThatDoNotParseWithTheNamedCommandAloneGetTheWholeTree() {
        // "logs" here is meant as a value, "check" as the command: picocli's answer must be the full tree's
        CommandLine cl = forArgs("--unit", "logs", "check");
        assertEquals(5, cl.getSubcommands().size(), cl.getSubcommands().keySet().toString());
    }

    @Test
    void aTypoOfASubCommandIsAnsweredWithTheRightOne() {
        CommandLine cl = forArgs("chekc");
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
            return 2;
        });
        assertEquals(2, cl.execute("chekc"));
        assertTrue(err.toString().contains("check"), err.toString());
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
