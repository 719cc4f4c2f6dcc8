package io.modvault.core.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A small stored value with the instant it was stored; freshness decisions are made by the
 * caller from {@code storedAt}, so the store itself never expires anything.
 */
public record StoredEntry(byte[] value, Instant storedAt) {
    public StoredEntry {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
