package io.modvault.core.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One (module path, version) pair that a {@link TestRepositories} repository must yield in direct
 * mode, with where it comes from: the repository (e.g. {@code org/tagged}), the full commit hash
 * and commit time, the revision query that resolves to it when it is not a tag ({@code main},
 * {@code feature} or a commit-hash prefix; empty for tagged versions) and what the module's
 * {@code Name()} returns in that version ({@code "<module>@<label>"}, the label being the tag or
 * a description of the untagged commit).
 */
public record DirectVersion(
        String module, String version, String repo, String commit, Instant time, Optional<String> query, String name) {

    public DirectVersion {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(name, "name");
        if (!commit.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("not a full commit hash: " + commit);
        }
    }

    /** {@code module@version}. */
    public String coordinate() {
        return module + "@" + version;
    }

    /** {@code module@query} for a revision query, else {@link #coordinate()}. */
    public String queryCoordinate() {
        return module + "@" + query.orElse(version);
    }

    /** True when a tag names this version (it appears in {@code go list -m -versions}). */
    public boolean isTagged() {
        return query.isEmpty();
    }

    /** Whether the repository requires Basic credentials. */
    public boolean requiresAuth() {
        return TestRepositories.requiresAuth(module);
    }
}
