/** Test fixtures shipped in the test-jar: a real tile-based checksum database with its own signing key. */
package io.modvault.sumdb.testing;
