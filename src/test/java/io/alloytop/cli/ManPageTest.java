package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ManPageTest {
    @Command(name = "tool", description = "Does things.")
    static final class Tool implements Callable<Integer> {
        @Option(names = "--global", scope = CommandLine.ScopeType.INHERIT, paramLabel = "G", description = "global one")
        String global;

        @Option(names = "--secret", hidden = true, description = "not for users")
        boolean secret;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "sub", description = ".starts with a dot and has a \\ backslash")
    static final class Sub implements Callable<Integer> {
        @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "3", description = "how many (default: ${DEFAULT-VALUE})")
        int count;

        @Parameters(paramLabel = "TARGET", arity = "0..1", description = "what to look at")
        String target;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "leaf", description = {"First line", "continues here.", "", "Second paragraph."})
    static final class Leaf implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "hidden-sub", hidden = true)
    static final class HiddenSub implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    private static String page() {
        CommandLine cl = new CommandLine(new Tool());
        cl.addSubcommand(new CommandLine(new Sub()).addSubcommand(new Leaf()));
        cl.addSubcommand(new HiddenSub());
        return ManPage.render(cl, "1.2.3");
    }

    @Test
    void rendersSectionsOptionsAndDefaults() {
        String p = page();
        assertTrue(p.startsWith(".TH \"TOOL\" 1 \"\" \"tool 1.2.3\""), p);
        assertTrue(p.contains(".SH NAME\ntool \\- Does things.\n"), p);
        assertTrue(p.contains("\\fB\\-\\-global\\fR \\fIG\\fR\nglobal one\n"), p);
        assertTrue(p.contains(".SS \"tool sub\""), p);
        assertTrue(p.contains("\\fB\\-n\\fR, \\fB\\-\\-count\\fR \\fIN\\fR\nhow many (default: 3)\n"), p);
        assertTrue(p.contains("[\\fITARGET\\fR]"), p);
    }

    @Test
    void nestedCommandsGetTheirOwnSectionAndWrappedLinesJoin() {
        String p = page();
        assertTrue(p.contains(".SS \"tool sub leaf\"\n.PP\nFirst line continues here.\n.PP\nSecond paragraph.\n"), p);
        assertTrue(p.contains(".br\n.B tool sub leaf\n"), p);
    }

    @Test
    void leavesOutHiddenThingsAndRepeatsNoInheritedOption() {
        String p = page();
        assertFalse(p.contains("secret"), p);
        assertFalse(p.contains("hidden\\-sub"), p);
        assertEquals(p.indexOf("\\-\\-global\\fR"), p.lastIndexOf("\\-\\-global\\fR"), "--global listed twice");
    }

    @Test
    void escapesWhatRoffWouldInterpret() {
        assertEquals("\\&.starts with a dot and has a \\e backslash", ManPage.escape(".starts with a dot and has a \\ backslash"));
        assertEquals("\\&'quoted\nplain \\-x", ManPage.escape("'quoted\nplain -x"));
        // no content line may start a roff request
        for (String line : page().split("\n")) {
            if (line.startsWith(".")) {
                assertTrue(line.matches("\\.(TH|SH|SS|TP|PP|B|BR|br)( .*)?"), "stray request: " + line);
            }
        }
    }

    @Test
    void documentsEveryOptionOfTheRealCommandLine() {
        String p = ManPage.render(Main.commandLine(), "0");
        for (var o : Main.commandLine().getCommandSpec().options()) {
            if (!o.hidden()) assertTrue(p.contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR"), o.longestName());
        }
    }
}
