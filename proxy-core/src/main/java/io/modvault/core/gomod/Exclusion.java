package io.modvault.core.gomod;

import java.util.Objects;

/** An {@code exclude} directive: one module version the main module's build never selects. */
public record Exclusion(String path, String version) {
    public Exclusion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }
}
