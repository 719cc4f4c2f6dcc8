/** Checksum verification primitives for Go modules: h1 hashes, signed notes and transparency-log proofs. */
package io.modvault.sumdb;
