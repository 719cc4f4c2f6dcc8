package io.modvault.core.vcs.discovery;

/**
 * One {@code <meta name="go-import" content="prefix vcs repoRoot [subdir]">} tag: the import-path
 * prefix it claims, the version-control system, the repository URL, and (Go 1.25) the directory
 * inside the repository that holds the prefix, or "".
 */
record MetaImport(String prefix, String vcs, String repoRoot, String subdir) {}
