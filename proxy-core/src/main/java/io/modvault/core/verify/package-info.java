/** Checksum verification of fetched modules against a checksum database, and the hashes recorded for stored ones. */
package io.modvault.core.verify;
