/** Shared test fixtures: module builders, GOPROXY trees, a scriptable fake upstream, a test checksum database, a loopback git server with test repositories, and the real go command. */
package io.modvault.core.testing;
