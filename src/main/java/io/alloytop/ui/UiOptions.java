package io.alloytop.ui;

import picocli.CommandLine.Option;

/** Options of the full-screen monitor (root command only). */
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
}
