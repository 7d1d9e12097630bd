package io.alloytop.dist;

import org.jline.nativ.JLineNativeLoader;

/**
 * Run by BundleIT in place of alloytop's main class, under the launcher's own JVM flags, to report
 * what the launcher set up: where JLine's native library was loaded from and which CA bundle the
 * client code is told to trust. One "key=value" per line.
 */
public final class LauncherProbe {
    private LauncherProbe() {}

    public static void main(String[] args) {
        boolean loaded;
        try {
            loaded = JLineNativeLoader.initialize();
        } catch (RuntimeException e) {
            loaded = false;
            System.out.println("jline.error=" + e.getMessage());
        }
        System.out.println("jline.loaded=" + loaded);
        System.out.println("jline.path=" + JLineNativeLoader.getNativeLibraryPath());
        System.out.println("systemCaBundle=" + System.getProperty("alloytop.systemCaBundle", ""));
        System.out.println("trustStore=" + System.getProperty("javax.net.ssl.trustStore", ""));
        System.out.println("trustStoreType=" + System.getProperty("javax.net.ssl.trustStoreType", ""));
        System.out.println("java.home=" + System.getProperty("java.home"));
        System.out.println("mallocArenaMax=" + System.getenv().getOrDefault("MALLOC_ARENA_MAX", ""));
    }
}
