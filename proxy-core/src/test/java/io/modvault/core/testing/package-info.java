/** Shared test fixtures: module builders, GOPROXY trees, a scriptable fake upstream, a test checksum database and the real go command. */
package io.modvault.core.testing;
