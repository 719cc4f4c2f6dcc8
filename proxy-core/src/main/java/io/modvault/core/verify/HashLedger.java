package io.modvault.core.verify;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RecordedHashes} of stored artifacts, one HASHES entry per artifact (keys
 * {@code escapedPath@escapedVersion/mod} and {@code …/zip}, like go.sum's two lines), so the
 * independently arriving {@code .mod} and {@code .zip} never overwrite each other's record. Each
 * is written in the same atomic, synced write as its artifact: a {@code .mod}'s in the batch of
 * the {@code .mod} ({@link #forMod}), a zip's as a companion of its blob's index entry
 * ({@link #forZip}), so a crash can never leave an artifact without its record.
 */
public final class HashLedger {
    public static final String MOD_SUFFIX = "/mod";
    public static final String ZIP_SUFFIX = "/zip";
    private final ModuleStore store;

    public HashLedger(ModuleStore store) {
        this.store = store;
    }

    public static EntryKey modKey(ModulePath module, String version) {
        return EntryKey.of(EntryKind.HASHES, module.escaped() + "@" + ModuleVersion.escape(version) + MOD_SUFFIX);
    }

    public static EntryKey zipKey(ModulePath module, String version) {
        return EntryKey.of(EntryKind.HASHES, module.escaped() + "@" + ModuleVersion.escape(version) + ZIP_SUFFIX);
    }

    /** The HASHES entry to write together with the {@code .mod}. */
    public static Map<EntryKey, byte[]> forMod(ModulePath module, String version, Verdict.Accepted accepted) {
        return Map.of(
                modKey(module, version),
                RecordedHashes.empty()
                        .withMod(accepted.hash(), accepted.source())
                        .toJson());
    }

    /** The HASHES entry to commit together with the zip's index entry. */
    public static Map<EntryKey, byte[]> forZip(ModulePath module, String version, Verdict.Accepted accepted) {
        return Map.of(
                zipKey(module, version),
                RecordedHashes.empty()
                        .withZip(accepted.hash(), accepted.source())
                        .toJson());
    }

    public Optional<RecordedHashes> recorded(EntryKey key) {
        return store.get(key).map(e -> RecordedHashes.fromJson(e.value()));
    }
}
