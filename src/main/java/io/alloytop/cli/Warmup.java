package io.alloytop.cli;

import io.alloytop.alloy.ClientWarmup;
import io.alloytop.ui.UiWarmup;
import io.alloytop.ui.term.TerminalInfo;

/**
 * Start-up work that needs no parsed option, begun on the second core before picocli parses the
 * command line (~70 ms of every start): JLine's `infocmp` for the monitor, and a throwaway pass
 * through the client, the parser and a frame, so their classes are ready when the real work needs
 * them. Guessed from the raw arguments; a wrong guess only costs spare CPU.
 * {@code -Dalloytop.warmup=false} turns it off (for measuring).
 */
final class Warmup {
    private Warmup() {}

    static void start(String[] args) {
        if (!Boolean.parseBoolean(System.getProperty("alloytop.warmup", "true")) || Commands.asksForHelp(args)
                || java.util.List.of(args).contains("--version") || java.util.List.of(args).contains("-V")) return;
        String sub = Commands.named(args);
        if (sub == null) {
            TerminalInfo.prefetch(System.getenv("TERM"));
            background(() -> {
                java.security.Security.getProviders();
                ClientWarmup.run();
                UiWarmup.run();
            });
        } else if (sub.equals("check")) {
            // OkHttp's first call asks the JCA for its providers (is Conscrypt first?), which loads
            // and builds every one of them; then the client, the decoders and the report's number
            // formatting: ~10-15 ms of a check that need nothing from the command line
            background(() -> {
                java.security.Security.getProviders();
                ClientWarmup.run();
                String.format(java.util.Locale.ROOT, "%-8s %.1f%%%n", "warm", 1.5);
            });
        }
    }

    private static void background(Runnable r) {
        Thread t = new Thread(r, "alloytop-warmup");
        t.setDaemon(true);
        t.start();
    }
}
