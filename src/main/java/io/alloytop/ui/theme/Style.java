package io.alloytop.ui.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/** Colours and attributes of one screen element; a null colour means "inherit the base". */
public record Style(TextColor fg, TextColor bg, Set<SGR> sgr) {
    public Style {
        sgr = sgr == null || sgr.isEmpty() ? Set.of() : Set.copyOf(sgr);
    }

    public static final Style PLAIN = new Style(null, null, Set.of());

    public Style withFg(TextColor c) {
        return new Style(c, bg, sgr);
    }

    public Style withBg(TextColor c) {
        return new Style(fg, c, sgr);
    }

    public Style withSgr(Set<SGR> s) {
        return new Style(fg, bg, s);
    }

    /** This style drawn on top of {@code under}: unset colours fall through, attributes add up. */
    public Style over(Style under) {
        EnumSet<SGR> all = EnumSet.noneOf(SGR.class);
        all.addAll(under.sgr);
        all.addAll(sgr);
        return new Style(fg != null ? fg : under.fg, bg != null ? bg : under.bg, all);
    }
}
