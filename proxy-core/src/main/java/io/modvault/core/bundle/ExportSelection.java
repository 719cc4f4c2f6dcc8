package io.modvault.core.bundle;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.prewarm.Artifact;
import java.util.Objects;
import java.util.Set;

/**
 * One module version chosen for a bundle and the artifacts wanted of it. {@code fetchMissing}
 * is true when an input named it (a go.sum line, module@version): what the store lacks is
 * fetched through the proxy first, as a prewarm would. Versions found in the store (--all,
 * --match, --since) carry what is stored and fetch nothing.
 */
public record ExportSelection(ModuleCoordinate coordinate, Set<Artifact> artifacts, boolean fetchMissing) {
    public ExportSelection {
        Objects.requireNonNull(coordinate, "coordinate");
        artifacts = Set.copyOf(artifacts);
    }
}
