package io.alloytop.logs;

import io.alloytop.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs an alloytop command line in this JVM and keeps the exact bytes it wrote. */
record CommandRun(int exitCode, byte[] stdout, String stderr) {
    static CommandRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String[] lines() {
        String t = text();
        return t.isEmpty() ? new String[0] : t.split("\n", -1).length > 0 && t.endsWith("\n")
                ? t.substring(0, t.length() - 1).split("\n", -1) : t.split("\n", -1);
    }
}
