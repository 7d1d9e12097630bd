package io.alloytop.cli;

import io.alloytop.demo.DemoAlloy;
import io.alloytop.demo.DemoOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `alloytop demo-server`: the simulated Alloy on its own, in the foreground, until Ctrl-C or SIGTERM. */
@Command(name = "demo-server", mixinStandardHelpOptions = true, addMethodSubcommands = false, versionProvider = VersionProvider.class,
        description = {"Run the simulated Alloy on 127.0.0.1 in the foreground (Ctrl-C stops it).",
                "It behaves like a real Alloy's HTTP server: point alloytop, curl or go tool pprof at it.",
                "--ui-prefix moves its web API; --username with --password-file turns on basic auth."})
final class DemoServerCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "TCP port on 127.0.0.1 (default: a random free port)")
    int port;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "0",
            description = "about N components across ~N/20 modules (default: the realistic set of ~40)")
    int scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seed for the simulated values (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--live-debugging", description = "behave as with livedebugging { enabled = true }")
    boolean liveDebugging;

    /** Counted down by the shutdown hook (or a test) to stop the server. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new UserError("--port must be between 0 and 65535");
        if (scale < 0) throw new UserError("--scale must not be negative");
        String prefix = parent != null && parent.global.uiPrefix != null ? parent.global.uiPrefix : "/";
        DemoOptions options = DemoOptions.defaults().withPort(port).withUiPrefix(prefix).withScale(scale).withSeed(seed)
                .withLiveDebugging(liveDebugging);
        if (parent != null && parent.global.username != null) {
            // The same --username/--password-file a client would use turn on the demo's basic auth.
            String password = parent.global.settings().password();
            if (password == null) throw new UserError("--username needs --password-file (or $ALLOYTOP_PASSWORD) for demo-server");
            options = options.withBasicAuth(parent.global.username, password);
        }
        DemoAlloy demo;
        try {
            demo = DemoAlloy.start(options);
        } catch (IOException e) {
            spec.commandLine().getErr().println("alloytop: demo-server: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Thread hook = new Thread(() -> {
            stop.countDown();
            demo.close();
        }, "demo-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("demo Alloy listening on " + demo.baseUrl()
                + (options.uiPrefix().equals("/") ? "" : " (UI prefix " + options.uiPrefix() + ")")
                + (options.basicAuthUser() == null ? "" : " with basic auth for " + options.basicAuthUser())
                + ", " + demo.world().componentIds().size() + " components; Ctrl-C stops it");
        out.println("try: alloytop --url " + demo.baseUrl() + (options.uiPrefix().equals("/") ? "" : " --ui-prefix " + options.uiPrefix()) + " check");
        out.flush();
        try {
            stop.await();
        } finally {
            demo.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting through the hook
            }
        }
        return ExitCodes.OK;
    }
}
