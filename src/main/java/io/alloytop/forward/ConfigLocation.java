package io.alloytop.forward;

import java.nio.file.Path;

/** Where Alloy's config lives, whether it is a directory, and how we found out (shown to the user). */
public record ConfigLocation(Path path, boolean directory, String foundBy) {}
