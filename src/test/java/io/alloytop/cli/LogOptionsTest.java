package io.alloytop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.logs.LogSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The log flags live on the root and are inherited: before or after `logs`, they reach the same settings. */
class LogOptionsTest {
    private static Main parse(String... args) {
        CommandLine cl = Main.commandLine();
        cl.parseArgs(args);
        return cl.getCommand();
    }

    @Test
    void monitorTakesTheLogFlags() {
        Main m = parse("--logs", "file", "--log-file", "/var/log/alloy.log", "--log-lines", "500", "--unit", "edge");
        LogSettings s = m.logOptions.settings();
        assertEquals(LogSettings.Mode.FILE, s.mode());
        assertEquals(Path.of("/var/log/alloy.log"), s.logFile());
        assertEquals("edge.service", s.unit());
        assertEquals(500, m.logOptions.ringSize());
        assertEquals(500, s.lines());
        assertTrue(s.follow(), "the monitor follows");
    }

    @Test
    void flagsBeforeAndAfterTheLogsCommandReachTheSameSettings() {
        for (String[] args : new String[][] {
                {"logs", "--unit", "x", "--journal-url", "http://127.0.0.1:19531"},
                {"--unit", "x", "--journal-url", "http://127.0.0.1:19531", "logs"},
                {"--unit", "x", "logs", "--journal-url", "http://127.0.0.1:19531"}}) {
            Main m = parse(args);
            LogSettings s = m.logOptions.settings();
            assertEquals("x.service", s.unit(), String.join(" ", args));
            assertEquals("http://127.0.0.1:19531", s.journalUrl(), String.join(" ", args));
        }
    }

    @Test
    void aNamedSourceIsExplicitAndOverridesTheDemosLines() {
        assertTrue(parse("--log-file", "/tmp/a.log").logOptions.explicit());
        assertTrue(parse("--logs", "none").logOptions.explicit());
        assertTrue(parse("logs", "--journal-url", "http://127.0.0.1:1").logOptions.explicit());
        assertFalse(parse("--unit", "x", "--log-lines", "5").logOptions.explicit(), "unit and ring size pick no source");
    }

    @Test
    void defaultsWhenNoFlagIsGiven() {
        LogSettings s = parse().logOptions.settings();
        assertEquals(LogSettings.Mode.AUTO, s.mode());
        assertEquals(LogSettings.DEFAULT_UNIT, s.unit());
        assertEquals(LogSettings.DEFAULT_LINES, s.lines());
    }

    @Test
    void badSourceIsAUsageErrorOnEitherSide() {
        for (String[] args : new String[][] {{"--logs", "bogus", "logs"}, {"logs", "--logs", "bogus"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err));
            for (CommandLine sub : cl.getSubcommands().values()) sub.setErr(new PrintWriter(err));
            assertEquals(ExitCodes.USAGE, cl.execute(args));
            assertTrue(err.toString().contains("not a log source"), err.toString());
        }
    }

    @Test
    void logsHelpStillListsTheLogFlags() {
        String help = Main.commandLine().getSubcommands().get("logs").getUsageMessage();
        assertTrue(help.contains("--unit") && help.contains("--journal-dir") && help.contains("--log-file"), help);
    }
}
