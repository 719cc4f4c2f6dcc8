package io.modvault.core.gomod;

import io.modvault.core.module.ModuleVersion;
import java.util.Objects;

/**
 * A {@code retract} directive: the closed interval {@code [low, high]} of versions the module's
 * author withdrew ({@code low == high} for one version), and the rationale the go command shows,
 * taken from the directive's comments (or its block's, when the line has none).
 */
public record Retraction(String low, String high, String rationale) {
    public Retraction {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(rationale, "rationale");
    }

    /** Whether {@code version} lies in the interval, by semver precedence. */
    public boolean contains(String version) {
        return ModuleVersion.compare(low, version) <= 0 && ModuleVersion.compare(version, high) <= 0;
    }
}
