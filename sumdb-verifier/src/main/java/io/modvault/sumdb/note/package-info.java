/** Signed notes (golang.org/x/mod/sumdb/note): Ed25519 keys, parsing, verification and signing. */
package io.modvault.sumdb.note;
