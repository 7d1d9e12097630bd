package io.alloytop.forward;

import java.util.Map;
import java.util.Set;

/** Calls each endpoint with the credentials before anything is changed. */
public interface Preflight {
    Map<Signal, PreflightResult> check(Set<Signal> signals);
}
