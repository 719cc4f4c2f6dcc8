/** The file side shared by every store: content-addressed blob files, temp files, commit and sweep. */
package io.modvault.core.storage.blob;
