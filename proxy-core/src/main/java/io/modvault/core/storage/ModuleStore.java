package io.modvault.core.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port for everything modvault keeps: small entries by {@link EntryKey} and zips as
 * content-addressed blobs referenced by a {@link EntryKind#ZIP} index entry.
 *
 * <p>Durability contract: every write is durable when the method returns (synced). A blob is
 * visible to {@link #blob} only after its file was written, fsync'd and atomically renamed,
 * and after that the index entry is written; a crash at any point leaves either the old state
 * or the new one. Implementations are thread-safe. All methods throw {@link StoreException}
 * on failure, and after {@link #close()}.
 *
 * <p>{@code storedAt} is the store's injected clock at the time of the write, truncated to
 * milliseconds; one {@link #putAll} gives every entry the same instant. {@link EntryKind#ZIP}
 * entries are written only by {@link #commitBlob} and read only by {@link #blob}:
 * {@link #get}, {@link #put} and {@link #putAll} reject that kind with an
 * {@link IllegalArgumentException}, while {@link #delete} and {@link #keys} accept every kind.
 * Deleting a zip index entry leaves its blob file until the next sweep (another entry may
 * share the same content).
 *
 * <p>Every write, replacement or deletion of an {@link EntryKind#INFO}, {@link EntryKind#MOD} or
 * {@link EntryKind#ZIP} entry also updates the {@link EntryKind#STORED} time index in the same
 * atomic write (format in {@link StoredTimeline}); an existing store is backfilled once.
 */
public interface ModuleStore extends AutoCloseable {

    Optional<StoredEntry> get(EntryKey key);

    /** Stores (or replaces) one entry. */
    void put(EntryKey key, byte[] value);

    /** Stores (or replaces) several entries in one atomic, synced write. */
    void putAll(Map<EntryKey, byte[]> entries);

    void delete(EntryKey key);

    /** Keys of {@code kind} that start with {@code keyPrefix}, in byte order. */
    List<String> keys(EntryKind kind, String keyPrefix);

    /**
     * At most {@code limit} keys of {@code kind} at or after {@code fromKey}, in byte order: a
     * page of a range scan that costs the page, not the keyspace (the {@link EntryKind#STORED}
     * time index is read this way).
     */
    List<String> keysFrom(EntryKind kind, String fromKey, int limit);

    /**
     * A new empty temporary file on the same file system as the blobs, for a download in
     * progress. Temporary files left over from a crash are removed when the store opens.
     */
    Path newTempFile();

    /** {@link #commitBlob(EntryKey, Path, String, byte[], Map)} without companion entries. */
    default StoredBlob commitBlob(EntryKey indexKey, Path tempFile, String sha256Hex, byte[] metadata) {
        return commitBlob(indexKey, tempFile, sha256Hex, metadata, Map.of());
    }

    /**
     * Moves a completely written temp file into the blob area and points {@code indexKey}
     * (kind {@link EntryKind#ZIP}) at it. {@code sha256Hex} must be the file's SHA-256 (the
     * implementation may re-check it). {@code companions} (never of kind ZIP; e.g. the zip's
     * recorded hash) are written in the same atomic, synced write as the index entry, so a crash
     * leaves either all of them or none. The temp file no longer exists afterwards, also when the
     * commit fails (after {@link #close()} it is left for the next open to clean up).
     */
    StoredBlob commitBlob(
            EntryKey indexKey, Path tempFile, String sha256Hex, byte[] metadata, Map<EntryKey, byte[]> companions);

    /**
     * Takes a damaged blob out of service: deletes {@code indexKey}'s entry and moves the blob
     * file named {@code sha256Hex} (if still there) to {@code quarantine/<sha256>} beside the
     * blobs, replacing an earlier copy of the same name, where it stays for inspection and is
     * never served or swept. Other index entries sharing the file then read as not stored, so
     * they are fetched again. Returns where the file went, empty if it was already gone.
     */
    Optional<Path> quarantine(EntryKey indexKey, String sha256Hex);

    /**
     * The blob {@code indexKey} points at; empty if there is no such index entry, or if its file
     * has vanished from disk (so the caller fetches it again instead of failing forever).
     */
    Optional<StoredBlob> blob(EntryKey indexKey);

    /**
     * Deletes blob files that no index entry references; returns how many were removed. Never
     * removes a blob whose commit runs concurrently. Also run when the store opens.
     */
    int sweepUnreferencedBlobs();

    @Override
    void close();
}
