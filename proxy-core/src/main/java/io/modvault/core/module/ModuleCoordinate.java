package io.modvault.core.module;

import java.util.Objects;

/**
 * A module path with one version, written {@code path@version} like Go's {@code module.Version}.
 * The version is not checked here because coordinates also carry queries and non-canonical
 * inputs; {@link #checked} builds one that passed {@link ModuleVersion#check}.
 */
public record ModuleCoordinate(ModulePath path, String version) {
    public ModuleCoordinate {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
    }

    /** A coordinate whose version is valid, canonical and fits the path's major suffix. */
    public static ModuleCoordinate checked(ModulePath path, String version) {
        ModuleVersion.check(path, version);
        return new ModuleCoordinate(path, version);
    }

    /** The escaped {@code path@version}, as used in proxy URLs, checksum database lookups and store keys. */
    public String escaped() {
        return path.escaped() + "@" + ModuleVersion.escape(version);
    }

    @Override
    public String toString() {
        return path.value() + "@" + version;
    }
}
