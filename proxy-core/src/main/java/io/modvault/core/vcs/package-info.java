/**
 * Direct fetching of private modules from their git repositories, with the go command's
 * semantics (tags to versions, pseudo-versions, module zips). Git is the system {@code git}
 * binary, not JGit, as in the go command: users' credential helpers, SSH configuration,
 * {@code insteadOf} rewrites, {@code .netrc} and proxy settings keep working unchanged, and
 * {@code git archive} produces the same files the go command builds module zips from.
 */
package io.modvault.core.vcs;
