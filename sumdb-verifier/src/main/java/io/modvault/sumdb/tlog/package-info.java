/** Transparency-log primitives (golang.org/x/mod/sumdb/tlog): RFC 6962 hashing, tree heads, tiles and proofs. */
package io.modvault.sumdb.tlog;
