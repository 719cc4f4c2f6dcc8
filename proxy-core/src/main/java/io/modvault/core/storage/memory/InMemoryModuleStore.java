package io.modvault.core.storage.memory;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.KeyRules;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.storage.StoredTimeline;
import io.modvault.core.storage.blob.BlobArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * A {@link ModuleStore} whose entries live in sorted maps (one per {@link EntryKind}, in
 * {@link KeyRules#BYTE_ORDER}) and die with it; zips are real files in a directory it is given,
 * with the same layout and commit protocol as the RocksDB store ({@link BlobArea}), so file
 * serving code can be tested against it. Because nothing is remembered, every blob file found at
 * open is unreferenced and swept. Every operation holds a read lock; {@link #putAll} and
 * {@link #close()} hold the write lock, which makes a batch visible all at once.
 */
public final class InMemoryModuleStore implements ModuleStore {
    private final Path directory;
    private final Clock clock;
    private final BlobArea blobs;
    private final Map<EntryKind, ConcurrentSkipListMap<String, StoredEntry>> entries = new EnumMap<>(EntryKind.class);
    private final ConcurrentSkipListMap<String, StoredBlob> zips = new ConcurrentSkipListMap<>(KeyRules.BYTE_ORDER);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private InMemoryModuleStore(Path directory, Clock clock, BlobArea blobs) {
        this.directory = directory;
        this.clock = clock;
        this.blobs = blobs;
        for (EntryKind kind : EntryKind.values()) {
            entries.put(kind, new ConcurrentSkipListMap<>(KeyRules.BYTE_ORDER));
        }
    }

    /** Opens an empty store whose blob and temp files live under {@code directory}. */
    public static InMemoryModuleStore open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        BlobArea blobs;
        try {
            blobs = BlobArea.open(directory);
        } catch (IOException e) {
            throw new StoreException("open " + directory + ": " + e.getMessage(), e);
        }
        InMemoryModuleStore store = new InMemoryModuleStore(directory, clock, blobs);
        try {
            store.sweepUnreferencedBlobs();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public Optional<StoredEntry> get(EntryKey key) {
        KeyRules.requireEntryKind(key, "get");
        return shared(
                "get",
                key,
                () -> Optional.ofNullable(entries.get(key.kind()).get(key.key()))
                        .map(entry -> new StoredEntry(entry.value().clone(), entry.storedAt())));
    }

    @Override
    public void put(EntryKey key, byte[] value) {
        KeyRules.requireEntryKind(key, "put");
        StoredEntry entry =
                new StoredEntry(Objects.requireNonNull(value, "value").clone(), now());
        exclusive("put", key, () -> {
            timelineStored(key, entry.storedAt());
            entries.get(key.kind()).put(key.key(), entry);
        });
    }

    @Override
    public void putAll(Map<EntryKey, byte[]> batch) {
        batch.forEach((key, value) -> {
            KeyRules.requireEntryKind(key, "putAll");
            Objects.requireNonNull(value, () -> "putAll " + key + ": null value");
        });
        Instant storedAt = now();
        Map<EntryKey, StoredEntry> copies = batch.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> new StoredEntry(e.getValue().clone(), storedAt)));
        exclusive(
                "putAll",
                batch.keySet(),
                () -> copies.forEach((key, entry) -> {
                    timelineStored(key, entry.storedAt());
                    entries.get(key.kind()).put(key.key(), entry);
                }));
    }

    @Override
    public void delete(EntryKey key) {
        Objects.requireNonNull(key, "key");
        exclusive("delete", key, () -> removeWithTimeline(key));
    }

    @Override
    public List<String> keys(EntryKind kind, String keyPrefix) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        ConcurrentSkipListMap<String, ?> map = kind == EntryKind.ZIP ? zips : entries.get(kind);
        return shared(
                "keys",
                kind.storageName() + ":" + keyPrefix + "*",
                () -> map.tailMap(keyPrefix, true).keySet().stream()
                        .takeWhile(key -> key.startsWith(keyPrefix))
                        .toList());
    }

    @Override
    public List<String> keysFrom(EntryKind kind, String fromKey, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromKey, "fromKey");
        if (limit < 0) {
            throw new IllegalArgumentException("keysFrom " + kind.storageName() + ": negative limit " + limit);
        }
        ConcurrentSkipListMap<String, ?> map = kind == EntryKind.ZIP ? zips : entries.get(kind);
        return shared(
                "keysFrom",
                kind.storageName() + ":" + fromKey + "..",
                () -> map.tailMap(fromKey, true).keySet().stream().limit(limit).toList());
    }

    @Override
    public Path newTempFile() {
        return shared("newTempFile", directory.resolve("tmp"), blobs::newTempFile);
    }

    @Override
    public StoredBlob commitBlob(
            EntryKey indexKey, Path tempFile, String sha256Hex, byte[] metadata, Map<EntryKey, byte[]> companions) {
        KeyRules.requireZipKind(indexKey, "commitBlob");
        Objects.requireNonNull(tempFile, "tempFile");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        byte[] meta = Objects.requireNonNull(metadata, "metadata").clone();
        Map<EntryKey, byte[]> extra = KeyRules.requireCompanions(companions, "commitBlob");
        return shared(
                "commitBlob",
                indexKey,
                () -> blobs.commit(tempFile, sha256Hex, (sha, size) -> {
                    Instant storedAt = now();
                    StoredBlob blob = new StoredBlob(blobs.pathOf(sha), size, sha, meta, storedAt);
                    // Companions first: whoever sees the zip also sees its record (nothing survives a crash here).
                    extra.forEach((key, value) -> {
                        timelineStored(key, storedAt);
                        entries.get(key.kind()).put(key.key(), new StoredEntry(value, storedAt));
                    });
                    timelineStored(indexKey, storedAt);
                    zips.put(indexKey.key(), blob);
                    return copy(blob);
                }));
    }

    @Override
    public Optional<Path> quarantine(EntryKey indexKey, String sha256Hex) {
        KeyRules.requireZipKind(indexKey, "quarantine");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        return shared("quarantine", indexKey, () -> blobs.quarantine(sha256Hex, () -> removeWithTimeline(indexKey)));
    }

    @Override
    public Optional<StoredBlob> blob(EntryKey indexKey) {
        KeyRules.requireZipKind(indexKey, "blob");
        return shared(
                "blob",
                indexKey,
                () -> Optional.ofNullable(zips.get(indexKey.key()))
                        .filter(blob -> Files.isRegularFile(blob.file()))
                        .map(InMemoryModuleStore::copy));
    }

    @Override
    public int sweepUnreferencedBlobs() {
        return shared(
                "sweepUnreferencedBlobs",
                directory.resolve("blobs"),
                () -> blobs.sweep(
                        () -> zips.values().stream().map(StoredBlob::sha256Hex).collect(Collectors.toSet())));
    }

    /** Idempotent; forgets every entry and releases the directory (blob files stay until reopen). */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            entries.values().forEach(Map::clear);
            zips.clear();
            blobs.close();
        } catch (IOException e) {
            throw new StoreException("close " + directory + ": " + e, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeWithTimeline(EntryKey key) {
        timelineRemoved(key);
        if (key.kind() == EntryKind.ZIP) {
            zips.remove(key.key());
        } else {
            entries.get(key.kind()).remove(key.key());
        }
    }

    /** Replaces {@code artifact}'s time index entry (see {@link StoredTimeline}); a no-op for other kinds. */
    private void timelineStored(EntryKey artifact, Instant storedAt) {
        if (StoredTimeline.indexes(artifact.kind())) {
            timelineRemoved(artifact);
            entries.get(EntryKind.STORED)
                    .put(StoredTimeline.key(storedAt, artifact), new StoredEntry(new byte[0], storedAt));
        }
    }

    private void timelineRemoved(EntryKey artifact) {
        Optional<Instant> old = artifact.kind() == EntryKind.ZIP
                ? Optional.ofNullable(zips.get(artifact.key())).map(StoredBlob::storedAt)
                : Optional.ofNullable(entries.get(artifact.kind()).get(artifact.key()))
                        .map(StoredEntry::storedAt);
        old.filter(t -> StoredTimeline.indexes(artifact.kind()))
                .ifPresent(t -> entries.get(EntryKind.STORED).remove(StoredTimeline.key(t, artifact)));
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T shared(String operation, Object subject, Call<T> call) {
        return locked(lock.readLock(), operation, subject, call);
    }

    private void exclusive(String operation, Object subject, Runnable action) {
        locked(lock.writeLock(), operation, subject, () -> {
            action.run();
            return null;
        });
    }

    private <T> T locked(Lock held, String operation, Object subject, Call<T> call) {
        held.lock();
        try {
            if (closed) {
                throw new StoreException(operation + " " + subject + ": the store is closed");
            }
            return call.run();
        } catch (IOException e) {
            throw new StoreException(operation + " " + subject + ": " + e, e);
        } finally {
            held.unlock();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static StoredBlob copy(StoredBlob blob) {
        return new StoredBlob(
                blob.file(), blob.size(), blob.sha256Hex(), blob.metadata().clone(), blob.storedAt());
    }
}
