package io.modvault.core.storage.rocksdb;

import io.modvault.core.storage.EntryKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Reads keys of one keyspace in byte order from a starting key: all keys under a prefix
 * ({@code ModuleStore.keys}) or a page of keys ({@code ModuleStore.keysFrom}). The
 * iterator is closed before returning, and its status checked, so a read error is not mistaken
 * for the end of the keyspace.
 */
final class KeyScan {
    private KeyScan() {}

    /** The keys from {@code from} on that start with {@code prefix}, at most {@code limit}. */
    static List<String> scan(RocksHandles rocks, EntryKind kind, String from, String prefix, int limit)
            throws RocksDBException {
        byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();
        try (RocksIterator it = rocks.db().newIterator(rocks.family(kind), rocks.reads())) {
            for (it.seek(from.getBytes(StandardCharsets.UTF_8));
                    it.isValid() && keys.size() < limit && startsWith(it.key(), prefixBytes);
                    it.next()) {
                keys.add(new String(it.key(), StandardCharsets.UTF_8));
            }
            it.status();
        }
        return List.copyOf(keys);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
