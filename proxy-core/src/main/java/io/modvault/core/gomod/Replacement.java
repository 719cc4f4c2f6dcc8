package io.modvault.core.gomod;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code replace} directive of a go.mod or go.work: {@code oldPath} at {@code oldVersion}, or
 * at every version when that is absent, is replaced by the module {@code newPath} at
 * {@code newVersion}, or, when {@code newVersion} is absent, by the directory {@code newPath}
 * ({@code ../x}, {@code ./y}, an absolute path), which nothing needs to be fetched for.
 */
public record Replacement(String oldPath, Optional<String> oldVersion, String newPath, Optional<String> newVersion) {
    public Replacement {
        Objects.requireNonNull(oldPath, "oldPath");
        Objects.requireNonNull(oldVersion, "oldVersion");
        Objects.requireNonNull(newPath, "newPath");
        Objects.requireNonNull(newVersion, "newVersion");
    }

    /** The replacement is a local directory, not a module version. */
    public boolean isLocal() {
        return newVersion.isEmpty();
    }

    /** Whether this directive replaces {@code path@version}: same path, and same version unless it names none. */
    public boolean replaces(String path, String version) {
        return oldPath.equals(path) && oldVersion.map(version::equals).orElse(true);
    }
}
