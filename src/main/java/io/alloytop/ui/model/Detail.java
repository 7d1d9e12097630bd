package io.alloytop.ui.model;

import io.alloytop.alloy.Component;
import io.alloytop.alloy.Failure;

/** The detail view's data: loading (both null), loaded, or failed; plus its scroll offset. */
public record Detail(String globalId, Component component, Failure failure, int scroll) {
    public boolean loading() {
        return component == null && failure == null;
    }

    public Detail scrolled(int s) {
        return new Detail(globalId, component, failure, Math.max(0, s));
    }
}
