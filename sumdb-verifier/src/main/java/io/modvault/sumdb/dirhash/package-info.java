/** The {@code h1:} hash of module zips and go.mod files (golang.org/x/mod/sumdb/dirhash). */
package io.modvault.sumdb.dirhash;
