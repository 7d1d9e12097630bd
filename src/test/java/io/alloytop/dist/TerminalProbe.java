package io.alloytop.dist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.nativ.JLineNativeLoader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.TerminalExt;

/**
 * Run by BundleIT inside a tmux pane under the launcher's flags: opens the system terminal the way
 * the UI does, insisting on JLine's JNI provider (no silent fallback to `stty` or a dumb terminal),
 * and writes what it got to the file named by the last argument.
 */
public final class TerminalProbe {
    private TerminalProbe() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[args.length - 1]);
        String result;
        try (Terminal t = TerminalBuilder.builder().system(true).provider("jni").dumb(false).build()) {
            String provider = t instanceof TerminalExt ext ? ext.getProvider().name() : "?";
            result = "provider=" + provider + "\nsize=" + t.getWidth() + "x" + t.getHeight()
                    + "\nnative=" + JLineNativeLoader.getNativeLibraryPath() + "\n";
        } catch (Exception | LinkageError e) {
            result = "error=" + e + "\n";
        }
        // written whole, then renamed: the test polls for the file and must never read half of it
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Files.writeString(part, result, StandardCharsets.UTF_8);
        Files.move(part, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
