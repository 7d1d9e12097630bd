package io.alloytop.ui.theme;

import io.alloytop.alloy.HealthState;
import java.util.EnumMap;
import java.util.Map;

/** A loaded theme: one style per element, plus the text marker drawn before each health state. */
public final class Theme {
    private final String name;
    private final Map<Element, Style> styles;
    private final Map<HealthState, String> symbols;

    public Theme(String name, Map<Element, Style> styles, Map<HealthState, String> symbols) {
        this.name = name;
        this.styles = new EnumMap<>(Element.class);
        this.styles.putAll(styles);
        this.symbols = new EnumMap<>(HealthState.class);
        this.symbols.putAll(symbols);
    }

    public String name() {
        return name;
    }

    /** The element's own style over the base style, so every cell gets a definite colour. */
    public Style style(Element e) {
        Style base = styles.getOrDefault(Element.BASE, Style.PLAIN);
        if (e == Element.BASE) return base;
        return styles.getOrDefault(e, Style.PLAIN).over(base);
    }

    /** The raw (uninherited) style, for building derived themes. */
    public Style raw(Element e) {
        return styles.getOrDefault(e, Style.PLAIN);
    }

    public String symbol(HealthState s) {
        return symbols.getOrDefault(s, "");
    }

    public Map<Element, Style> styles() {
        return Map.copyOf(styles);
    }

    public Map<HealthState, String> symbols() {
        return Map.copyOf(symbols);
    }

    public static Element healthElement(HealthState s) {
        switch (s) {
            case HEALTHY: return Element.HEALTH_HEALTHY;
            case UNHEALTHY: return Element.HEALTH_UNHEALTHY;
            case EXITED: return Element.HEALTH_EXITED;
            default: return Element.HEALTH_UNKNOWN;
        }
    }
}
