/** Modules read from git with modfetch's coderepo rules (tags to versions, pseudo-versions, layout) and the {@code direct} upstream. */
package io.modvault.core.vcs.coderepo;
