package io.alloytop.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.alloytop.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs alloytop in-process with captured stdout/stderr, as `check` and friends see them. */
final class Cli {
    private static final Pattern STACK = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Exception in thread|\\bCaused by: ");

    record Run(int code, String out, String err, long millis) {
        String all() {
            return out + err;
        }

        /** No stack trace, no "internal error": users only ever see a sentence. */
        Run clean() {
            assertFalse(STACK.matcher(all()).find(), "stack trace in output:\n" + all());
            assertFalse(all().contains("alloytop: internal error"), "internal error:\n" + all());
            return this;
        }

        Run says(String... words) {
            String low = all().toLowerCase(java.util.Locale.ROOT);
            for (String w : words) assertTrue(low.contains(w.toLowerCase(java.util.Locale.ROOT)), "expected '" + w + "' in:\n" + all());
            return this;
        }
    }

    private Cli() {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        long t0 = System.nanoTime();
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    static boolean hasStackTrace(String s) {
        return STACK.matcher(s).find();
    }
}
