/** Module zip creation as x/mod/zip's Create does it, from a list of candidate files. */
package io.modvault.core.vcs.modzip;
