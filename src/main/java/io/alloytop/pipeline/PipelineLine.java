package io.alloytop.pipeline;

import java.util.List;

/** One screen row of the pipeline view. */
public record PipelineLine(List<Span> spans) {
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) sb.append(s.text());
        return sb.toString();
    }
}
