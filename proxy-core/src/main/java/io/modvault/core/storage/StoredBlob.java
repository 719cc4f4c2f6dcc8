package io.modvault.core.storage;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A committed, content-addressed blob (a module zip). {@code file} is complete and fsync'd: it
 * was renamed into place before the index entry pointing at it was written. {@code metadata}
 * is opaque to the store (the fetch layer keeps e.g. verified hashes there).
 */
public record StoredBlob(Path file, long size, String sha256Hex, byte[] metadata, Instant storedAt) {}
