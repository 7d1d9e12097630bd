package io.alloytop.cli;

import picocli.CommandLine;

/** The sub-commands, one line each, so features add themselves without touching Main. */
final class Commands {
    private Commands() {}

    static void register(CommandLine cl) {
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new DemoServerCommand());
        cl.addSubcommand(new LogsCommand());
        cl.addSubcommand(new ProfileCommand());
    }

    static int runMonitor(GlobalOptions global) {
        System.err.println("alloytop: the full-screen monitor is not built yet; try `alloytop check`.");
        return ExitCodes.FAILED;
    }
}
