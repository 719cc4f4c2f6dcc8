package io.modvault.core.storage;

import java.util.Objects;

/** Identifies one stored entry: its kind (keyspace) and its key inside that keyspace. */
public record EntryKey(EntryKind kind, String key) {
    public EntryKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty store key for " + kind);
        }
    }

    public static EntryKey of(EntryKind kind, String key) {
        return new EntryKey(kind, key);
    }

    @Override
    public String toString() {
        return kind.storageName() + ":" + key;
    }
}
