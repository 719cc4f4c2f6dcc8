package io.modvault.core.storage;

/**
 * The kinds of small entries the store keeps; each kind is its own keyspace (a RocksDB column
 * family), so a prefix scan of one kind answers "all versions of a module" without touching
 * the others. Keys are the case-encoded module path, optionally followed by {@code @version}.
 */
public enum EntryKind {
    /** {@code .info} of a canonical version: immutable. */
    INFO,
    /** {@code .mod} bytes of a canonical version: immutable. */
    MOD,
    /** Index of a stored zip: points at a content-addressed blob file. */
    ZIP,
    /** {@code @v/list} answers, refreshed by TTL. */
    LIST,
    /** {@code @latest} answers, refreshed by TTL. */
    LATEST,
    /** {@code .info} answers for non-canonical queries (branches, hashes, prefixes), short TTL. */
    QUERY,
    /** Remembered not-found answers from the upstream, kept for the negative TTL. */
    NEGATIVE,
    /** Checksum-database responses (lookups, tiles, latest). */
    SUMDB,
    /** Trusted state that must survive restarts (e.g. the newest verified tree head). */
    TRUST,
    /**
     * The {@code h1:} hashes recorded for a module version when its {@code .mod} or {@code .zip}
     * was stored, and what vouched for them (see {@code io.modvault.core.verify.RecordedHashes}).
     */
    HASHES,
    /**
     * When each {@code .info}, {@code .mod} and zip was stored, in time order: one empty entry per
     * stored artifact, keyed {@code <storedAt millis, 13 digits> <kind> <artifact key>} (see
     * {@link StoredTimeline}). Maintained by the store itself in the same atomic write as the
     * artifact, so callers only read it; {@code put}, {@code putAll} and companions refuse it.
     */
    STORED;

    /** Column-family name, stable on disk. */
    public String storageName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
