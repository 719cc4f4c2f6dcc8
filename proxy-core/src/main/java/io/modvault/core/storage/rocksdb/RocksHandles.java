package io.modvault.core.storage.rocksdb;

import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Filter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Owner of every long-lived native RocksDB object of one store. They are created in this order
 * and {@link #close()} releases them in exactly the reverse one: bloom filter, block cache,
 * column-family options, DB options, the database, its column-family handles, write options,
 * read options. Handles go before the database and options after it, as RocksDB requires.
 * Per-call natives (write batches, iterators) are owned by the try-with-resources that made
 * them. Sized for a small machine: 2 background jobs, a 32 MB block cache shared by all
 * families holding index and filter blocks too, 4 MB memtables capped at 32 MB in total.
 */
final class RocksHandles implements AutoCloseable {
    private static final long BLOCK_CACHE_BYTES = 32L << 20;
    private static final long MEMTABLE_BYTES = 4L << 20;
    private static final long ALL_MEMTABLES_BYTES = 32L << 20;
    private static final long MAX_WAL_BYTES = 64L << 20;
    private static final long INFO_LOG_BYTES = 4L << 20;
    private static final int BLOOM_BITS_PER_KEY = 10;

    private final Filter bloomFilter;
    private final Cache blockCache;
    private final ColumnFamilyOptions familyOptions;
    private final DBOptions dbOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final Map<EntryKind, ColumnFamilyHandle> byKind;
    private final WriteOptions syncWrites;
    private final ReadOptions reads;

    private RocksHandles(
            Filter bloomFilter,
            Cache blockCache,
            ColumnFamilyOptions familyOptions,
            DBOptions dbOptions,
            RocksDB db,
            List<ColumnFamilyHandle> handles,
            WriteOptions syncWrites,
            ReadOptions reads) {
        this.bloomFilter = bloomFilter;
        this.blockCache = blockCache;
        this.familyOptions = familyOptions;
        this.dbOptions = dbOptions;
        this.db = db;
        this.handles = List.copyOf(handles);
        this.byKind = byKind(handles);
        this.syncWrites = syncWrites;
        this.reads = reads;
    }

    /** Opens (creating if needed) the database in {@code dbDir}; on failure nothing stays open. */
    static RocksHandles open(Path dbDir) throws RocksDBException {
        Deque<AutoCloseable> created = new ArrayDeque<>();
        try {
            Filter filter = track(created, new BloomFilter(BLOOM_BITS_PER_KEY));
            Cache cache = track(created, new LRUCache(BLOCK_CACHE_BYTES));
            ColumnFamilyOptions family = track(created, familyOptions(filter, cache));
            DBOptions options = track(created, dbOptions());
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = track(created, RocksDB.open(options, dbDir.toString(), descriptors(dbDir, family), handles));
            handles.forEach(handle -> track(created, handle));
            WriteOptions writes = track(created, new WriteOptions().setSync(true));
            ReadOptions reads = track(created, new ReadOptions());
            return new RocksHandles(filter, cache, family, options, db, handles, writes, reads);
        } catch (RocksDBException | RuntimeException | Error e) {
            while (!created.isEmpty()) {
                closeQuietly(created.pop(), e);
            }
            throw e;
        }
    }

    private static <T extends AutoCloseable> T track(Deque<AutoCloseable> created, T resource) {
        created.push(resource);
        return resource;
    }

    private static void closeQuietly(AutoCloseable resource, Throwable failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static ColumnFamilyOptions familyOptions(Filter filter, Cache cache) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setFilterPolicy(filter)
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        return new ColumnFamilyOptions()
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(MEMTABLE_BYTES)
                .setTableFormatConfig(table);
    }

    private static DBOptions dbOptions() {
        return new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                .setDbWriteBufferSize(ALL_MEMTABLES_BYTES)
                .setMaxTotalWalSize(MAX_WAL_BYTES)
                .setKeepLogFileNum(3)
                .setMaxLogFileSize(INFO_LOG_BYTES);
    }

    /**
     * The default family, one per {@link EntryKind}, and any other family already on disk: RocksDB
     * refuses to open a database without all of its families, so a downgrade would fail otherwise.
     */
    private static List<ColumnFamilyDescriptor> descriptors(Path dbDir, ColumnFamilyOptions family)
            throws RocksDBException {
        Set<String> names = new LinkedHashSet<>();
        names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
        for (EntryKind kind : EntryKind.values()) {
            names.add(kind.storageName());
        }
        if (Files.exists(dbDir.resolve("CURRENT"))) {
            try (Options listing = new Options()) {
                for (byte[] name : RocksDB.listColumnFamilies(listing, dbDir.toString())) {
                    names.add(new String(name, StandardCharsets.UTF_8));
                }
            }
        }
        return names.stream()
                .map(name -> new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), family))
                .toList();
    }

    private static Map<EntryKind, ColumnFamilyHandle> byKind(List<ColumnFamilyHandle> handles) {
        Map<EntryKind, ColumnFamilyHandle> map = new EnumMap<>(EntryKind.class);
        try {
            for (ColumnFamilyHandle handle : handles) {
                String name = new String(handle.getName(), StandardCharsets.UTF_8);
                for (EntryKind kind : EntryKind.values()) {
                    if (kind.storageName().equals(name)) {
                        map.put(kind, handle);
                    }
                }
            }
        } catch (RocksDBException e) {
            throw new StoreException("open: cannot read column family names: " + e.getMessage(), e);
        }
        return map;
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle family(EntryKind kind) {
        return byKind.get(kind);
    }

    WriteOptions syncWrites() {
        return syncWrites;
    }

    ReadOptions reads() {
        return reads;
    }

    /** Releases every native object in reverse order of creation, even if one of them fails. */
    @Override
    public void close() {
        reads.close();
        syncWrites.close();
        for (int i = handles.size() - 1; i >= 0; i--) {
            handles.get(i).close();
        }
        RocksDBException failure = null;
        try {
            db.closeE();
        } catch (RocksDBException e) {
            failure = e;
        }
        dbOptions.close();
        familyOptions.close();
        blockCache.close();
        bloomFilter.close();
        if (failure != null) {
            throw new StoreException("close: " + failure.getMessage(), failure);
        }
    }
}
