package io.alloytop.ui.view;

import io.alloytop.ui.theme.Element;
import java.util.ArrayList;
import java.util.List;

/** One line of a scrolling text view, as styled spans; built once, drawn for any width. */
public record Line(List<Span> spans) {
    public record Span(String text, Element element) {}

    public static Line of(String text, Element e) {
        return new Line(List.of(new Span(text, e)));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) sb.append(s.text());
        return sb.toString();
    }

    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder add(String text, Element e) {
            if (!text.isEmpty()) spans.add(new Span(text, e));
            return this;
        }

        public Line build() {
            return new Line(List.copyOf(spans));
        }
    }
}
