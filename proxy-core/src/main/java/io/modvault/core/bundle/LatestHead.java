package io.modvault.core.bundle;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.verify.ChecksumDatabase;
import io.modvault.core.verify.ModuleVerifier;
import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.tlog.TreeHead;
import java.util.Optional;

/**
 * After an import, the store's cached {@code latest} of the checksum database becomes the
 * trusted head when that is newer, so clients asking modvault's {@code /sumdb/<name>/latest}
 * with no upstream see the tree the imported lookups are proven in. Only a head the verifier
 * already trusts (signature checked, consistency proven) is published.
 */
final class LatestHead {
    private final ModuleStore store;
    private final Optional<ChecksumDatabase> database;
    private final BundleChecksumReads reads;

    LatestHead(ModuleStore store, Optional<ChecksumDatabase> database, BundleChecksumReads reads) {
        this.store = store;
        this.database = database;
        this.reads = reads;
    }

    void publish(ModuleVerifier verifier) {
        if (database.isEmpty()) {
            return;
        }
        Optional<TreeHead> trusted = verifier.trustedTreeHead();
        if (trusted.isEmpty() || trusted.get().signedNote().isEmpty()) {
            return;
        }
        EntryKey key = reads.key("latest");
        SumdbVerifier notes = new SumdbVerifier(database.get().key());
        Optional<Long> cached = store.get(key).flatMap(entry -> {
            try {
                return Optional.of(notes.verifyTreeHead(entry.value()).size());
            } catch (SumdbException e) {
                return Optional.empty();
            }
        });
        if (cached.isEmpty() || cached.get() < trusted.get().size()) {
            store.put(key, trusted.get().signedNote().get());
        }
    }
}
