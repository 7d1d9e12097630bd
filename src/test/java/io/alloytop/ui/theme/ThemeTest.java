package io.alloytop.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.alloytop.alloy.HealthState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
    @Test
    void bundledThemesAllParseAndDiffer() {
        ThemeLoader.Themes t = ThemeLoader.load(Map.of("XDG_CONFIG_HOME", "/nonexistent"));
        assertEquals(java.util.List.of(), t.errors());
        assertEquals(ThemeLoader.BUNDLED, t.names());
        assertEquals(new TextColor.RGB(0xff, 0x5f, 0x5f), t.defaultTheme().style(Element.HEALTH_UNHEALTHY).fg());
        assertEquals("[!!]", t.byName("monochrome").symbol(HealthState.UNHEALTHY));
        assertTrue(t.byName("monochrome").style(Element.TABLE_SELECTED).sgr().contains(SGR.REVERSE));
        // every element resolves to definite colours in every theme
        for (Theme th : t.all()) for (Element e : Element.values()) assertNotNull(th.style(e).fg(), th.name() + " " + e);
    }

    @Test
    void colourForms() {
        assertEquals(new TextColor.RGB(1, 2, 255), ThemeParser.parseColor("#0102ff"));
        assertEquals(TextColor.ANSI.RED_BRIGHT, ThemeParser.parseColor("bright_red"));
        assertEquals(TextColor.ANSI.BLUE, ThemeParser.parseColor("4"));
        assertEquals(new TextColor.Indexed(203), ThemeParser.parseColor("203"));
        assertEquals(TextColor.ANSI.DEFAULT, ThemeParser.parseColor("default"));
        assertEquals(TextColor.ANSI.BLACK_BRIGHT, ThemeParser.parseColor("gray"));
    }

    @Test
    void errorsNameFileLineAndKey() {
        String text = "# a comment\nbase.fg = #ffffff  # trailing comment\nhealth.unhealthy.fg = #ff55\nnope.fg = red\n"
                + "table.header.attrs = bold, blinky\njust words\ntable.header.bg = 300\n";
        ThemeParser.Parsed p = ThemeParser.parse("mine", "/home/u/.config/alloytop/themes/mine.theme", text, null);
        assertEquals(5, p.errors().size(), p.errors().toString());
        assertTrue(p.errors().get(0).startsWith("/home/u/.config/alloytop/themes/mine.theme:3: health.unhealthy.fg:"), p.errors().get(0));
        assertTrue(p.errors().get(1).contains(":4: nope.fg: unknown element"), p.errors().get(1));
        assertTrue(p.errors().get(2).contains(":5: table.header.attrs: unknown attribute `blinky`"), p.errors().get(2));
        assertTrue(p.errors().get(3).contains(":6: expected `key = value`"), p.errors().get(3));
        assertTrue(p.errors().get(4).contains(":7: table.header.bg: colour index 300"), p.errors().get(4));
        assertEquals(new TextColor.RGB(255, 255, 255), p.theme().raw(Element.BASE).fg());
    }

    @Test
    void userThemesOverrideAndInheritAndBadOnesAreReported(@TempDir Path dir) throws Exception {
        Path themes = Files.createDirectories(dir.resolve("alloytop/themes"));
        Files.writeString(themes.resolve("solar.theme"), "health.unhealthy.fg = #dc322f\nhealth.unhealthy.symbol = \"!!\"\n");
        Files.writeString(themes.resolve("broken.theme"), "health.unhealthy.fg = chartreuse-ish\n");
        ThemeLoader.Themes t = ThemeLoader.load(Map.of("XDG_CONFIG_HOME", dir.toString()));
        Theme solar = t.byName("solar");
        assertNotNull(solar);
        assertEquals(new TextColor.RGB(0xdc, 0x32, 0x2f), solar.style(Element.HEALTH_UNHEALTHY).fg());
        assertEquals("!!", solar.symbol(HealthState.UNHEALTHY));
        assertEquals(t.defaultTheme().style(Element.TABLE_HEADER), solar.style(Element.TABLE_HEADER), "unset keys come from default");
        assertEquals(null, t.byName("broken"));
        assertEquals(1, t.errors().size());
        assertTrue(t.errors().get(0).contains("broken.theme:1: health.unhealthy.fg"), t.errors().get(0));
    }

    @Test
    void xdgFallsBackToDotConfig() {
        assertEquals(Path.of("/home/u/.config/alloytop/themes"), ThemeLoader.userDir(Map.of("HOME", "/home/u")));
        assertEquals(Path.of("/x/alloytop/themes"), ThemeLoader.userDir(Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/x")));
    }
}
