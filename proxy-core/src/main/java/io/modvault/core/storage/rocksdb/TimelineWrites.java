package io.modvault.core.storage.rocksdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.StoredTimeline;
import java.time.Instant;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Keeps the {@link EntryKind#STORED} time index of a RocksDB store in step with its artifacts:
 * each write batch that stores, replaces or deletes an indexed artifact also deletes the
 * artifact's previous time entry (found from its old {@code storedAt}) and adds the new one.
 * The read of the old value is outside the batch; two concurrent writes of the same key can at
 * worst leave one extra entry, which lists that version once more. A store created before the
 * index existed is backfilled once at open from the artifacts' own {@code storedAt}; a marker
 * in the default column family records that it was done (re-running after a crash is harmless:
 * the keys are the same).
 */
final class TimelineWrites {
    private static final byte[] BACKFILLED = "stored-timeline-backfilled".getBytes(UTF_8);
    private static final byte[] EMPTY = new byte[0];
    private static final int BACKFILL_BATCH = 10_000;

    private final RocksHandles rocks;

    TimelineWrites(RocksHandles rocks) {
        this.rocks = rocks;
    }

    /** Adds to {@code batch}: {@code artifact}'s previous time entry removed, the one at {@code storedAt} added. */
    void stored(WriteBatch batch, EntryKey artifact, Instant storedAt) throws RocksDBException {
        if (StoredTimeline.indexes(artifact.kind())) {
            removed(batch, artifact);
            batch.put(
                    rocks.family(EntryKind.STORED),
                    StoredTimeline.key(storedAt, artifact).getBytes(UTF_8),
                    EMPTY);
        }
    }

    /** Adds to {@code batch}: {@code artifact}'s current time entry removed, if it has one. */
    void removed(WriteBatch batch, EntryKey artifact) throws RocksDBException {
        if (!StoredTimeline.indexes(artifact.kind())) {
            return;
        }
        byte[] raw = rocks.db()
                .get(
                        rocks.family(artifact.kind()),
                        rocks.reads(),
                        artifact.key().getBytes(UTF_8));
        if (raw != null) {
            Instant old = storedAt(artifact, raw);
            batch.delete(
                    rocks.family(EntryKind.STORED),
                    StoredTimeline.key(old, artifact).getBytes(UTF_8));
        }
    }

    /** Returns how many artifacts were indexed; 0 when the store was already backfilled. */
    int backfillOnce() throws RocksDBException {
        if (rocks.db().get(BACKFILLED) != null) {
            return 0;
        }
        int indexed = 0;
        for (EntryKind kind : List.of(EntryKind.INFO, EntryKind.MOD, EntryKind.ZIP)) {
            indexed += backfill(kind);
        }
        rocks.db().put(rocks.syncWrites(), BACKFILLED, EMPTY);
        return indexed;
    }

    private int backfill(EntryKind kind) throws RocksDBException {
        int indexed = 0;
        WriteBatch batch = new WriteBatch();
        try (RocksIterator it = rocks.db().newIterator(rocks.family(kind), rocks.reads())) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                EntryKey artifact = EntryKey.of(kind, new String(it.key(), UTF_8));
                String key = StoredTimeline.key(storedAt(artifact, it.value()), artifact);
                batch.put(rocks.family(EntryKind.STORED), key.getBytes(UTF_8), EMPTY);
                if (++indexed % BACKFILL_BATCH == 0) {
                    rocks.db().write(rocks.syncWrites(), batch);
                    batch.close();
                    batch = new WriteBatch();
                }
            }
            it.status();
            rocks.db().write(rocks.syncWrites(), batch);
        } finally {
            batch.close();
        }
        return indexed;
    }

    private static Instant storedAt(EntryKey artifact, byte[] raw) {
        String where = "stored-time index " + artifact;
        return artifact.kind() == EntryKind.ZIP
                ? ValueCodec.decodeBlobIndex(raw, where).storedAt()
                : ValueCodec.decodeEntry(raw, where).storedAt();
    }
}
