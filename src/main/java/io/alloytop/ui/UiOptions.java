package io.alloytop.ui;

import picocli.CommandLine.Option;

/** Options of the full-screen monitor (root command only). */
@picocli.CommandLine.Command(addMethodSubcommands = false) // a mixin: nothing to scan for
public final class UiOptions {
    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto, truecolor, 256, 16 or none (default: ${DEFAULT-VALUE}; NO_COLOR is honoured)")
    public String color = "auto";

    @Option(names = "--ascii", description = "ASCII only: sparklines, borders and markers without Unicode "
            + "(automatic when the locale is not UTF-8)")
    public boolean ascii;

    @Option(names = "--mouse", description = "enable the mouse (wheel scrolls); off by default so copy/paste works over SSH")
    public boolean mouse;

    @Option(names = "--theme", paramLabel = "NAME",
            description = "default, light, high-contrast, monochrome, or a file NAME.theme in $XDG_CONFIG_HOME/alloytop/themes")
    public String theme;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "30",
            description = "how long a CPU profile records when captured with `p` (default: ${DEFAULT-VALUE})")
    public int seconds = 30;

    @Option(names = "--profile-dir", paramLabel = "DIR", defaultValue = "alloytop-profiles",
            description = "where profiles captured with `p` are saved (default: ./${DEFAULT-VALUE})")
    public java.nio.file.Path profileDir = java.nio.file.Path.of("alloytop-profiles");

    @Option(names = "--config-path", paramLabel = "PATH",
            description = "Alloy's config file or directory, for `f` (default: found from the running alloy)")
    public java.nio.file.Path configPath;

    @Option(names = "--signals", paramLabel = "LIST", defaultValue = "metrics,logs",
            description = "what `f` forwards: metrics, logs, profiles, traces or all (default: ${DEFAULT-VALUE})")
    public String signals = "metrics,logs";
}
