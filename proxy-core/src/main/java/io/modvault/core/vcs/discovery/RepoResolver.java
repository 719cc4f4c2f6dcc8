package io.modvault.core.vcs.discovery;

import io.modvault.core.vcs.VcsException;

/**
 * Port: maps a module path to its repository, like the go command does for direct fetches
 * (well-known hosting patterns, {@code <meta name="go-import">} discovery, explicit {@code .git}
 * paths). Throws {@link VcsException} ({@code NOT_FOUND} when no repository serves the path).
 */
public interface RepoResolver {

    RepoLocation resolve(String modulePath);
}
