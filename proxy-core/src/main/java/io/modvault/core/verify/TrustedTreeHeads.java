package io.modvault.core.verify;

import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.sumdb.SumdbVerifier;
import io.modvault.sumdb.tlog.TreeHead;
import java.util.Optional;

/**
 * The newest tree head this server has verified, per database, persisted in the store so that
 * it survives restarts: a database that shows a history inconsistent with it is caught even
 * after a restart. The signed note is stored, and its signature is checked again when read, so
 * a tampered store entry cannot lower the bar.
 */
final class TrustedTreeHeads {
    private final ModuleStore store;
    private final SumdbVerifier verifier;
    private final EntryKey key;

    TrustedTreeHeads(ModuleStore store, SumdbVerifier verifier, String databaseName) {
        this.store = store;
        this.verifier = verifier;
        this.key = EntryKey.of(EntryKind.TRUST, "treehead/" + databaseName);
    }

    Optional<TreeHead> current() {
        return store.get(key).map(entry -> verifier.verifyTreeHead(entry.value()));
    }

    /** Records a newer verified head; the caller proved it consistent with {@link #current()}. */
    void advanceTo(TreeHead head, byte[] signedNote) {
        Optional<TreeHead> current = current();
        if (current.isEmpty() || head.size() > current.get().size()) {
            store.put(key, signedNote);
        }
    }
}
