package io.modvault.core.bundle;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.prewarm.Artifact;
import io.modvault.core.storage.EntryKey;
import io.modvault.core.storage.EntryKind;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.StoredBlob;
import io.modvault.core.storage.StoredEntry;
import io.modvault.core.verify.HashLedger;
import io.modvault.core.verify.RecordedHashes;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a selected version out of the store for export, first fetching through the proxy what
 * the selection wants and the store lacks (only for versions an input named). The {@code h1:}
 * are the ones recorded when the artifacts were stored (so a bundle repeats what the checksum
 * database or the go.sum vouched for), computed only for artifacts stored before records existed.
 */
final class StoredVersionReader {
    private final ModuleStore store;
    private final ModuleProxy proxy;
    private final HashLedger ledger;

    StoredVersionReader(ModuleStore store, ModuleProxy proxy) {
        this.store = store;
        this.proxy = proxy;
        this.ledger = new HashLedger(store);
    }

    /** The version's stored artifacts, or why a wanted one could not be had. */
    ExportedVersion read(ExportSelection selection) {
        ModuleCoordinate c = selection.coordinate();
        if (selection.fetchMissing()) {
            for (Artifact artifact : selection.artifacts()) {
                if (!stored(c, artifact)) {
                    fetch(c, artifact);
                }
            }
        }
        Optional<byte[]> info = store.get(key(EntryKind.INFO, c)).map(StoredEntry::value);
        Optional<byte[]> mod = store.get(key(EntryKind.MOD, c)).map(StoredEntry::value);
        Optional<StoredBlob> zip = store.blob(key(EntryKind.ZIP, c));
        Optional<RecordedHashes> modRecord = ledger.recorded(HashLedger.modKey(c.path(), c.version()));
        Optional<RecordedHashes> zipRecord = ledger.recorded(HashLedger.zipKey(c.path(), c.version()));
        Optional<String> modH1 =
                mod.map(bytes -> modRecord.flatMap(RecordedHashes::mod).orElseGet(() -> DirHash.hashGoMod(bytes)));
        Optional<String> zipH1 =
                zip.map(blob -> zipRecord.flatMap(RecordedHashes::zip).orElseGet(() -> hash(blob)));
        return new ExportedVersion(c, info, mod, zip, modH1, zipH1);
    }

    private boolean stored(ModuleCoordinate c, Artifact artifact) {
        return switch (artifact) {
            case INFO -> store.get(key(EntryKind.INFO, c)).isPresent();
            case MOD -> store.get(key(EntryKind.MOD, c)).isPresent();
            case ZIP -> store.blob(key(EntryKind.ZIP, c)).isPresent();
        };
    }

    private void fetch(ModuleCoordinate c, Artifact artifact) {
        FetchResult result = proxy.get(artifact.request(c));
        String reason = switch (result) {
            case FetchResult.Content content -> "";
            case FetchResult.Blob blob -> "";
            case FetchResult.NotFound notFound -> notFound.reason();
            case FetchResult.Refused refused -> refused.reason();
            case FetchResult.Failure failure -> failure.reason();
        };
        if (!reason.isEmpty()) {
            throw new ExportException(artifact.suffix() + ": " + reason);
        }
    }

    private static String hash(StoredBlob blob) {
        if (blob.metadata().length > 0) {
            return new String(blob.metadata(), UTF_8);
        }
        try {
            return DirHash.hashZip(blob.file());
        } catch (IOException e) {
            throw new UncheckedIOException("hashing the stored zip " + blob.file(), e);
        }
    }

    static EntryKey key(EntryKind kind, ModuleCoordinate c) {
        return EntryKey.of(kind, c.escaped());
    }
}
