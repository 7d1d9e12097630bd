package io.alloytop.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the resilience tests tried, per file under target/resilience/, so
 * src/bench/reliability.sh can print the README's table from the last run instead of from memory.
 * Each test class owns one file and rewrites it whole when it finishes.
 */
final class Tally {
    static final Path DIR = Path.of(System.getProperty("resilience.dir", "target/resilience"));

    private final String file;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    Tally(String file) {
        this.file = file;
    }

    void add(String key, long n) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
    }

    void max(String key, long v) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).accumulateAndGet(v, Math::max);
    }

    void inc(String key) {
        add(key, 1);
    }

    long get(String key) {
        AtomicLong v = counts.get(key);
        return v == null ? 0 : v.get();
    }

    /** A fault scenario: run, and survived only when every assertion of it passed. */
    void scenario(String name, Runnable body) {
        inc("scenario." + name + ".run");
        body.run();
        inc("scenario." + name + ".survived");
    }

    void write() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.get()));
        StringBuilder b = new StringBuilder("# alloytop resilience counts (" + file + ")\n");
        sorted.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(file + ".properties"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
