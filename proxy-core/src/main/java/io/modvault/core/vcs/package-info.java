/** Direct fetching of private modules, split as the go command splits it (subpackages discovery, auth, git, coderepo, modzip); here only what they share. */
package io.modvault.core.vcs;
