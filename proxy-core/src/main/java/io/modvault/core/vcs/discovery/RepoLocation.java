package io.modvault.core.vcs.discovery;

import java.net.URI;
import java.util.Objects;

/**
 * Where the code of a module lives: the import-path prefix that is the repository root
 * ({@code corp.example/org/repo}), the URL git clones from, and the version-control system
 * (only {@code git} is supported). A module path below the root lives in the subdirectory named
 * by the rest of the path (minus a major-version suffix, by Go's rules).
 */
public record RepoLocation(String repoRoot, URI url, String vcs) {
    public RepoLocation {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(vcs, "vcs");
    }
}
