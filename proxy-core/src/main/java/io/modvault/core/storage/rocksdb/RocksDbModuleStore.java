package io.modvault.core.storage.rocksdb;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.KeyRules;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoreException;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.storage.blob.BlobArea;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link ModuleStore}: small entries in RocksDB, one column family per
 * {@link EntryKind}, zips as content-addressed files. Layout under the data directory:
 * {@code db/} (RocksDB), {@code blobs/sha256/ab/<hash>}, {@code tmp/} (emptied at open) and
 * {@code native/} (see {@code NativeLibrary}: the JNI library is extracted there, or to
 * {@code $ROCKSDB_SHAREDLIB_DIR}, instead of leaving a fresh copy in /tmp at every start).
 * Every write is synced; {@link #putAll} and each zip index write (with its companion entries)
 * are one {@code WriteBatch}.
 * Opening takes RocksDB's lock first, then empties {@code tmp/} and sweeps unreferenced blobs,
 * so a second store on a directory in use fails before touching anything. An {@link OpenGuard}
 * keeps every call away from the native objects once {@link #close()} has freed them.
 */
public final class RocksDbModuleStore implements ModuleStore {
    private static final Logger LOG = LoggerFactory.getLogger(RocksDbModuleStore.class);

    private final Path dataDir;
    private final Clock clock;
    private final RocksHandles rocks;
    private final BlobArea blobs;
    private final TimelineWrites timeline;
    private final OpenGuard guard = new OpenGuard();

    private RocksDbModuleStore(Path dataDir, Clock clock, RocksHandles rocks, BlobArea blobs) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.rocks = rocks;
        this.blobs = blobs;
        this.timeline = new TimelineWrites(rocks);
    }

    /** Opens (creating if needed) the store in {@code dataDir}; {@code clock} stamps every write. */
    public static RocksDbModuleStore open(Path dataDir, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Path db = dataDir.resolve("db");
        try {
            NativeLibrary.load(dataDir.resolve("native"), System.getenv());
            Files.createDirectories(db);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new StoreException("open " + dataDir + ": cannot load RocksDB: " + e, e);
        }
        RocksHandles rocks;
        try {
            rocks = RocksHandles.open(db);
        } catch (RocksDBException e) {
            throw new StoreException("open " + db + ": " + OpenGuard.describe(e), e);
        }
        BlobArea blobs;
        try {
            blobs = BlobArea.open(dataDir);
        } catch (IOException | RuntimeException e) {
            rocks.close();
            throw new StoreException("open " + dataDir + ": " + e.getMessage(), e);
        }
        RocksDbModuleStore store = new RocksDbModuleStore(dataDir, clock, rocks, blobs);
        try {
            int indexed = store.guarded("backfill stored-time index", db, store.timeline::backfillOnce);
            if (indexed > 0) {
                LOG.info("Indexed {} stored artifact(s) of {} by the time they were stored", indexed, dataDir);
            }
            int swept = store.sweepUnreferencedBlobs();
            if (swept > 0) {
                LOG.info("Removed {} unreferenced blob file(s) from {}", swept, dataDir);
            }
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public Optional<StoredEntry> get(EntryKey key) {
        KeyRules.requireEntryKind(key, "get");
        return guarded("get", key, () -> {
            byte[] raw = rocks.db().get(rocks.family(key.kind()), rocks.reads(), bytes(key));
            return raw == null ? Optional.empty() : Optional.of(ValueCodec.decodeEntry(raw, "get " + key));
        });
    }

    @Override
    public void put(EntryKey key, byte[] value) {
        KeyRules.requireEntryKind(key, "put");
        Objects.requireNonNull(value, "value");
        guarded("put", key, () -> {
            Instant storedAt = now();
            try (WriteBatch batch = new WriteBatch()) {
                timeline.stored(batch, key, storedAt);
                batch.put(rocks.family(key.kind()), bytes(key), ValueCodec.encodeEntry(storedAt, value));
                rocks.db().write(rocks.syncWrites(), batch);
            }
            return null;
        });
    }

    @Override
    public void putAll(Map<EntryKey, byte[]> entries) {
        entries.forEach((key, value) -> {
            KeyRules.requireEntryKind(key, "putAll");
            Objects.requireNonNull(value, () -> "putAll " + key + ": null value");
        });
        guarded("putAll", entries.keySet(), () -> {
            if (entries.isEmpty()) {
                return null;
            }
            Instant storedAt = now();
            try (WriteBatch batch = new WriteBatch()) {
                for (Map.Entry<EntryKey, byte[]> entry : entries.entrySet()) {
                    EntryKey key = entry.getKey();
                    timeline.stored(batch, key, storedAt);
                    batch.put(rocks.family(key.kind()), bytes(key), ValueCodec.encodeEntry(storedAt, entry.getValue()));
                }
                rocks.db().write(rocks.syncWrites(), batch);
            }
            return null;
        });
    }

    @Override
    public void delete(EntryKey key) {
        Objects.requireNonNull(key, "key");
        guarded("delete", key, () -> {
            deleteWithTimeline(key);
            return null;
        });
    }

    @Override
    public List<String> keys(EntryKind kind, String keyPrefix) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        return guarded(
                "keys",
                kind.storageName() + ":" + keyPrefix + "*",
                () -> KeyScan.scan(rocks, kind, keyPrefix, keyPrefix, Integer.MAX_VALUE));
    }

    @Override
    public List<String> keysFrom(EntryKind kind, String fromKey, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromKey, "fromKey");
        if (limit < 0) {
            throw new IllegalArgumentException("keysFrom " + kind.storageName() + ": negative limit " + limit);
        }
        return guarded(
                "keysFrom",
                kind.storageName() + ":" + fromKey + "..",
                () -> KeyScan.scan(rocks, kind, fromKey, "", limit));
    }

    @Override
    public Path newTempFile() {
        return guarded("newTempFile", dataDir.resolve("tmp"), blobs::newTempFile);
    }

    @Override
    public StoredBlob commitBlob(
            EntryKey indexKey, Path tempFile, String sha256Hex, byte[] metadata, Map<EntryKey, byte[]> companions) {
        KeyRules.requireZipKind(indexKey, "commitBlob");
        Objects.requireNonNull(tempFile, "tempFile");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        byte[] meta = Objects.requireNonNull(metadata, "metadata").clone();
        Map<EntryKey, byte[]> extra = KeyRules.requireCompanions(companions, "commitBlob");
        return guarded(
                "commitBlob",
                indexKey,
                () -> blobs.commit(tempFile, sha256Hex, (sha, size) -> {
                    Instant storedAt = now();
                    byte[] value = ValueCodec.encodeBlobIndex(new ValueCodec.BlobIndex(size, sha, meta, storedAt));
                    try (WriteBatch batch = new WriteBatch()) {
                        timeline.stored(batch, indexKey, storedAt);
                        for (Map.Entry<EntryKey, byte[]> entry : extra.entrySet()) {
                            timeline.stored(batch, entry.getKey(), storedAt);
                            batch.put(
                                    rocks.family(entry.getKey().kind()),
                                    bytes(entry.getKey()),
                                    ValueCodec.encodeEntry(storedAt, entry.getValue()));
                        }
                        batch.put(rocks.family(EntryKind.ZIP), bytes(indexKey), value);
                        rocks.db().write(rocks.syncWrites(), batch);
                    }
                    return new StoredBlob(blobs.pathOf(sha), size, sha, meta.clone(), storedAt);
                }));
    }

    @Override
    public Optional<StoredBlob> blob(EntryKey indexKey) {
        KeyRules.requireZipKind(indexKey, "blob");
        return guarded("blob", indexKey, () -> {
            byte[] raw = rocks.db().get(rocks.family(EntryKind.ZIP), rocks.reads(), bytes(indexKey));
            if (raw == null) {
                return Optional.empty();
            }
            ValueCodec.BlobIndex index = ValueCodec.decodeBlobIndex(raw, "blob " + indexKey);
            Path file = blobs.pathOf(index.sha256Hex());
            if (!Files.isRegularFile(file)) {
                LOG.warn("Blob {} of {} is missing from disk; treating the zip as not stored", file, indexKey);
                return Optional.empty();
            }
            return Optional.of(
                    new StoredBlob(file, index.size(), index.sha256Hex(), index.metadata(), index.storedAt()));
        });
    }

    @Override
    public Optional<Path> quarantine(EntryKey indexKey, String sha256Hex) {
        KeyRules.requireZipKind(indexKey, "quarantine");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        return guarded("quarantine", indexKey, () -> blobs.quarantine(sha256Hex, () -> deleteWithTimeline(indexKey)));
    }

    @Override
    public int sweepUnreferencedBlobs() {
        return guarded("sweepUnreferencedBlobs", dataDir.resolve("blobs"), () -> blobs.sweep(this::referencedHashes));
    }

    private void deleteWithTimeline(EntryKey key) throws RocksDBException {
        try (WriteBatch batch = new WriteBatch()) {
            timeline.removed(batch, key);
            batch.delete(rocks.family(key.kind()), bytes(key));
            rocks.db().write(rocks.syncWrites(), batch);
        }
    }

    private Set<String> referencedHashes() throws RocksDBException {
        Set<String> hashes = new HashSet<>();
        try (RocksIterator it = rocks.db().newIterator(rocks.family(EntryKind.ZIP), rocks.reads())) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                String where = "sweep zip:" + new String(it.key(), StandardCharsets.UTF_8);
                hashes.add(ValueCodec.decodeBlobIndex(it.value(), where).sha256Hex());
            }
            it.status();
        }
        return hashes;
    }

    /** Idempotent; waits for operations in progress, then releases every native object. */
    @Override
    public void close() {
        guard.close(() -> {
            try {
                rocks.close();
            } finally {
                closeBlobArea();
            }
        });
    }

    private void closeBlobArea() {
        try {
            blobs.close();
        } catch (IOException e) {
            throw new StoreException("close " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private <T> T guarded(String operation, Object subject, OpenGuard.Call<T> call) {
        return guard.run(operation, subject, call);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static byte[] bytes(EntryKey key) {
        return key.key().getBytes(StandardCharsets.UTF_8);
    }
}
