/** Shared test fixtures: module builders, GOPROXY trees, a scriptable fake upstream and the real go command. */
package io.modvault.core.testing;
