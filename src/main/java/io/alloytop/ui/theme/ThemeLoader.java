package io.alloytop.ui.theme;

import io.alloytop.alloy.HealthState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds themes: the bundled ones (in the jar under io/alloytop/themes/) and the user's
 * ($XDG_CONFIG_HOME/alloytop/themes/*.theme, ~/.config when unset). A user file with the name of
 * a bundled theme replaces it. Every theme inherits unset keys from the bundled default.
 */
public final class ThemeLoader {
    public static final List<String> BUNDLED = List.of("default", "light", "high-contrast", "monochrome");
    public static final String DEFAULT = "default";

    private ThemeLoader() {}

    /** All themes in cycling order, and the problems met (file, line, key), to show the user. */
    public record Themes(List<Theme> all, List<String> errors) {
        public Theme byName(String name) {
            for (Theme t : all) if (t.name().equals(name)) return t;
            return null;
        }

        public Theme defaultTheme() {
            Theme t = byName(DEFAULT);
            return t != null ? t : all.get(0);
        }

        public List<String> names() {
            return all.stream().map(Theme::name).toList();
        }
    }

    /** The themes in the jar, parsed once per process (a start-up warm-up may do it on another core). */
    private static final class Bundled {
        static final List<String> ERRORS;
        static final Map<String, Theme> THEMES;

        static {
            List<String> errors = new ArrayList<>();
            Theme fallback = new Theme(DEFAULT, Map.of(), plainSymbols());
            Theme def = bundled(DEFAULT, fallback, errors);
            if (def == null) def = fallback;
            Map<String, Theme> byName = new LinkedHashMap<>();
            byName.put(DEFAULT, def);
            for (String n : BUNDLED) {
                if (n.equals(DEFAULT)) continue;
                Theme t = bundled(n, def, errors);
                if (t != null) byName.put(n, t);
            }
            ERRORS = List.copyOf(errors);
            THEMES = java.util.Collections.unmodifiableMap(byName);
        }
    }

    public static Themes load(Map<String, String> env) {
        List<String> errors = new ArrayList<>(Bundled.ERRORS);
        Map<String, Theme> byName = new LinkedHashMap<>(Bundled.THEMES);
        Theme def = byName.get(DEFAULT);
        Path dir = userDir(env);
        if (dir != null && Files.isDirectory(dir)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.theme")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                errors.add(dir + ": cannot list themes: " + e.getMessage());
            }
            files.sort(null);
            for (Path f : files) {
                String name = f.getFileName().toString().replaceFirst("\\.theme$", "");
                try {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    ThemeParser.Parsed p = ThemeParser.parse(name, f.toString(), text, def);
                    if (p.ok()) byName.put(name, p.theme());
                    else errors.addAll(p.errors());
                } catch (IOException | RuntimeException e) {
                    errors.add(f + ": cannot read: " + e.getMessage());
                }
            }
        }
        return new Themes(List.copyOf(byName.values()), List.copyOf(errors));
    }

    public static Path userDir(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "alloytop", "themes");
        String home = env.get("HOME");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".config", "alloytop", "themes");
    }

    private static Theme bundled(String name, Theme parent, List<String> errors) {
        String res = "/io/alloytop/themes/" + name + ".theme";
        try (InputStream in = ThemeLoader.class.getResourceAsStream(res)) {
            if (in == null) {
                errors.add(res + ": bundled theme missing from the jar");
                return null;
            }
            ThemeParser.Parsed p = ThemeParser.parse(name, name + ".theme", new String(in.readAllBytes(), StandardCharsets.UTF_8), parent);
            errors.addAll(p.errors());
            return p.ok() ? p.theme() : null;
        } catch (IOException e) {
            errors.add(res + ": " + e.getMessage());
            return null;
        }
    }

    static Map<HealthState, String> plainSymbols() {
        Map<HealthState, String> m = new EnumMap<>(HealthState.class);
        m.put(HealthState.HEALTHY, "[OK]");
        m.put(HealthState.UNHEALTHY, "[!!]");
        m.put(HealthState.UNKNOWN, "[??]");
        m.put(HealthState.EXITED, "[XX]");
        return m;
    }
}
