package io.alloytop.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A private tmux server (own socket) with one session, for driving the real jar like a user. */
public final class Tmux implements AutoCloseable {
    private final Path tmux;
    private final String socket;
    private final String session = "ui";

    public Tmux(Path tmux, int cols, int rows, Path dir) throws Exception {
        this.tmux = tmux;
        this.socket = "alloytop-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        run("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows),
                "-c", dir.toString(), "env -i PATH=" + System.getenv("PATH") + " HOME=" + dir + " TERM=screen bash --norc --noprofile");
        run("set-option", "-g", "status", "off");
        run("set-window-option", "-g", "window-size", "manual");
    }

    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tmux.toString(), "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    /** Types a shell line into the pane. */
    public void line(String text) throws Exception {
        run("send-keys", "-t", session, "-l", text);
        run("send-keys", "-t", session, "Enter");
    }

    /** Sends tmux key names one at a time, so ESC is never glued to the next key as Alt-key. */
    public void keys(String... names) throws Exception {
        for (String k : names) {
            run("send-keys", "-t", session, k);
            Thread.sleep(120);
        }
    }

    public void literal(String text) throws Exception {
        run("send-keys", "-t", session, "-l", text);
        Thread.sleep(120);
    }

    public String screen() throws Exception {
        return run("capture-pane", "-p", "-t", session);
    }

    /** The screen with SGR escapes, to see colours. */
    public String screenWithColours() throws Exception {
        return run("capture-pane", "-p", "-e", "-t", session);
    }

    /** tmux's own view of the pane's modes: alternate screen on, cursor visible, mouse reporting on. */
    public String modes() throws Exception {
        return run("display-message", "-p", "-t", session, "alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}").trim();
    }

    public void resize(int cols, int rows) throws Exception {
        run("resize-window", "-t", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    public String waitFor(String what, Predicate<String> p, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        String s = screen();
        while (!p.test(s)) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what + "; screen:\n" + s);
            Thread.sleep(150);
            s = screen();
        }
        return s;
    }

    public String waitFor(String text, long millis) throws Exception {
        return waitFor("`" + text + "`", s -> s.contains(text), millis);
    }

    @Override
    public void close() throws Exception {
        run("kill-server");
    }
}
