/** Direct fetching of private modules from their version-control repositories (system git). */
package io.modvault.core.vcs;
