package io.modvault.core.bundle;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.verify.ChecksumReads;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checksum database as import sees it: the store's own cache first, then the bundle's
 * {@code sumdb/} files that matched the manifest (held in memory: lookups and tiles are small),
 * never the network. Every path answered from the bundle is remembered until {@link #takeUsed()},
 * so that exactly the evidence that proved an artifact is cached with it (in the same write) and
 * evidence that failed a proof is never cached.
 */
final class BundleChecksumReads implements ChecksumReads {
    private final ModuleStore store;
    private final String database;
    private final Map<String, byte[]> bundled = new HashMap<>();
    private final Map<String, byte[]> used = new LinkedHashMap<>();

    BundleChecksumReads(ModuleStore store, String database) {
        this.store = store;
        this.database = database;
    }

    /** A {@code sumdb/<database>/…} file of the bundle, by its database-relative path, after its SHA-256 matched. */
    void add(String rest, byte[] body) {
        bundled.put(rest, body);
    }

    @Override
    public byte[] read(String path) {
        var cached = store.get(key(path));
        if (cached.isPresent()) {
            return cached.get().value();
        }
        byte[] body = bundled.get(path);
        if (body == null) {
            throw new ChecksumReadException(
                    path + " is neither in this store's cache nor in the bundle (checksum database " + database
                            + " is not contacted on import)",
                    true,
                    false);
        }
        used.put(path, body);
        return body;
    }

    /** The SUMDB entries answered from the bundle since the last call, to store with what they proved. */
    Map<EntryKey, byte[]> takeUsed() {
        Map<EntryKey, byte[]> entries = new LinkedHashMap<>();
        used.forEach((path, body) -> entries.put(key(path), body));
        used.clear();
        return entries;
    }

    /** Forgets what was read for a refused artifact: none of it is stored. */
    void discardUsed() {
        used.clear();
    }

    EntryKey key(String path) {
        return EntryKey.of(EntryKind.SUMDB, database + "/" + path);
    }
}
