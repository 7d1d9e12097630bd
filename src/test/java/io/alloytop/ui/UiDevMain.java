package io.alloytop.ui;

import java.time.Duration;

/** Manual trial of the UI on a fake backend: java -cp ... io.alloytop.ui.UiDevMain [N] [options]. */
public final class UiDevMain {
    private UiDevMain() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        UiOptions o = new UiOptions();
        for (String a : args) {
            if (a.equals("--ascii")) o.ascii = true;
            if (a.startsWith("--color=")) o.color = a.substring(8);
            if (a.startsWith("--theme=")) o.theme = a.substring(8);
        }
        int code = UiLauncher.launch(o, "http://127.0.0.1:12345", false, Duration.ofSeconds(1), () -> new FakeBackend(n), LogFeed.none("dev runner"), System.err);
        if (code == UiLauncher.NO_TERMINAL) System.out.println("no terminal");
        System.exit(Math.max(code, 0));
    }
}
