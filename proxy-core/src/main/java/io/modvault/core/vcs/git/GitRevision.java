package io.modvault.core.vcs.git;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit as the go command's codehost {@code RevInfo} describes it: full hash, commit time
 * (UTC, whole seconds), the ref it was found through ({@code refs/tags/v1.0.0},
 * {@code refs/heads/main}, {@code HEAD}; empty for a hash) and the tags that point at it.
 */
public record GitRevision(String hash, Instant time, Optional<String> ref, List<String> tags) {
    public GitRevision {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ref, "ref");
        tags = List.copyOf(tags);
    }

    /** The 12-digit prefix pseudo-versions use (codehost {@code ShortenSHA1}, also for SHA-256). */
    public String shortHash() {
        return hash.length() == 40 || hash.length() == 64 ? hash.substring(0, 12) : hash;
    }
}
