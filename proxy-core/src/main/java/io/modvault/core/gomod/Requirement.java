package io.modvault.core.gomod;

import java.util.Objects;

/**
 * A {@code require} directive: a module path and its minimum version (canonical, as x/mod's
 * parser leaves it), and whether the line carries the go command's {@code // indirect} comment,
 * which marks a requirement the module's own packages do not import.
 */
public record Requirement(String path, String version, boolean indirect) {
    public Requirement {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }
}
