package io.modvault.core.integrity;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.RecordedHashes;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up repair of zips stored without their recorded {@code h1:} (left by builds that wrote
 * the record in a second write, and killed between the two). Each such zip is re-hashed and its
 * record written only when something other than the bytes themselves vouches for the hash:
 * <ul>
 * <li>for a module checked against the checksum database, the database's record for that
 *     version cached in the store (the lookup the verifier proved before the zip was committed):
 *     equal → recorded with the database's name as source; different → quarantined;
 * <li>for a module the database does not cover (GOSUMDB off, GONOSUMDB), the {@code h1:} kept in
 *     the zip's own index entry, which was written in the same write as the index at download
 *     time: equal → recorded as unverified, like the fetch path would have; different → quarantined.
 * </ul>
 * Anything else (no cached record, a blob that is gone or unreadable, a key that does not
 * decode) loses its index entry, so the next request fetches and verifies the zip again.
 */
public final class UnrecordedZipRepair {
    private static final Logger LOG = LoggerFactory.getLogger(UnrecordedZipRepair.class);
    private final ModuleStore store;
    private final Optional<ChecksumDatabase> database;
    private final PrefixPatterns noSumdb;

    /** What the repair did: records written, entries removed (refetched on demand). */
    public record Result(int recorded, int removed) {}

    public UnrecordedZipRepair(ModuleStore store, Optional<ChecksumDatabase> database, PrefixPatterns noSumdb) {
        this.store = store;
        this.database = database;
        this.noSumdb = noSumdb;
    }

    public Result run() {
        int recorded = 0;
        int removed = 0;
        for (String key : store.keys(EntryKind.ZIP, "")) {
            EntryKey record = EntryKey.of(EntryKind.HASHES, key + HashLedger.ZIP_SUFFIX);
            if (store.get(record).isPresent()) {
                continue;
            }
            if (repair(key, record)) {
                recorded++;
            } else {
                removed++;
            }
        }
        if (recorded + removed > 0) {
            LOG.warn(
                    "start-up repair of zips without a recorded hash: {} recorded, {} removed (fetched again on request)",
                    recorded,
                    removed);
        }
        return new Result(recorded, removed);
    }

    /** True when the record was written; otherwise the index entry is gone. */
    private boolean repair(String key, EntryKey record) {
        EntryKey index = EntryKey.of(EntryKind.ZIP, key);
        Optional<StoredBlob> blob = store.blob(index);
        Optional<Coordinate> coordinate = Coordinate.decode(key);
        if (blob.isEmpty() || coordinate.isEmpty()) {
            return remove(index, "its blob is gone or its key does not decode");
        }
        String now;
        try {
            now = DirHash.hashZip(blob.get().file());
        } catch (IOException | SumdbException e) {
            return quarantine(index, blob.get(), "it cannot be hashed: " + e.getMessage());
        }
        Coordinate at = coordinate.get();
        boolean checked = database.isPresent() && !noSumdb.matches(at.module().value());
        Optional<String> voucher = checked
                ? cachedDatabaseHash(at)
                : Optional.of(new String(blob.get().metadata(), UTF_8));
        if (voucher.isEmpty()) {
            return remove(index, "no cached checksum-database record vouches for it");
        }
        if (!voucher.get().equals(now)) {
            return quarantine(
                    index,
                    blob.get(),
                    "it hashes to " + now + ", but " + voucher.get() + " was "
                            + (checked ? "recorded by the checksum database" : "accepted at download"));
        }
        String source = checked
                ? database.get().name()
                : database.isEmpty() ? "unverified: GOSUMDB=off" : "unverified: GONOSUMDB";
        store.put(
                record,
                RecordedHashes.empty()
                        .withZip(now, source + " (recorded at start-up repair)")
                        .toJson());
        LOG.info("recorded missing hash {} of stored zip {} (vouched for by {})", now, key, source);
        return true;
    }

    /** The zip's {@code h1:} in the checksum database's lookup answer cached in the store, if any. */
    private Optional<String> cachedDatabaseHash(Coordinate at) {
        EntryKey lookup = EntryKey.of(
                EntryKind.SUMDB,
                database.get().name() + "/lookup/" + at.module().escaped() + "@" + ModuleVersion.escape(at.version()));
        return store.get(lookup)
                .map(StoredEntry::value)
                .flatMap(body -> new String(body, UTF_8)
                        .lines()
                        .map(line -> line.split(" "))
                        .filter(f -> f.length == 3 && f[0].equals(at.module().value()) && f[1].equals(at.version()))
                        .map(f -> f[2])
                        .findFirst());
    }

    private boolean remove(EntryKey index, String why) {
        store.delete(index);
        LOG.warn("removed stored zip {} without a recorded hash: {}", index.key(), why);
        return false;
    }

    private boolean quarantine(EntryKey index, StoredBlob blob, String why) {
        Optional<Path> moved = store.quarantine(index, blob.sha256Hex());
        LOG.warn(
                "quarantined stored zip {} without a recorded hash{}: {}",
                index.key(),
                moved.map(p -> " to " + p).orElse(""),
                why);
        return false;
    }

    /** The module and version a store key names. */
    private record Coordinate(ModulePath module, String version) {
        static Optional<Coordinate> decode(String key) {
            int at = key.indexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Coordinate(
                        ModulePath.parseEscaped(key.substring(0, at)), ModuleVersion.unescape(key.substring(at + 1))));
            } catch (InvalidModuleException e) {
                return Optional.empty();
            }
        }
    }
}
